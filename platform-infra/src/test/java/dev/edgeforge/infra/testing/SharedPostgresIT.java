package dev.edgeforge.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabaseExtension.class)
class SharedPostgresIT {

    @Test
    void findsTheRepositoryMigrations() {
        assertThat(SharedPostgres.migrations()).endsWith(Path.of("db", "migrations"));
        assertThat(SharedPostgres.migrations().resolve("V2__job_queue.sql")).exists();
    }

    @Test
    void theExtensionGivesTheClassOneMigratedDatabase(TestDatabase database, DataSource dataSource)
            throws SQLException {
        assertThat(database.name()).startsWith("t_sharedpostgresit_");
        assertThat(database.jdbcUrl()).endsWith("/" + database.name());
        assertThat(count(dataSource, "SELECT count(*) FROM flyway_schema_history WHERE success"))
                .isGreaterThanOrEqualTo(1);
        assertThat(count(dataSource, "SELECT count(*) FROM jobs")).isZero();
    }

    @Test
    void freshDatabasesAreIsolatedFromEachOther() throws SQLException {
        TestDatabase first = SharedPostgres.freshDatabase("isolation");
        TestDatabase second = SharedPostgres.freshDatabase("isolation");

        execute(
                first.dataSource(),
                "INSERT INTO jobs (id, type, state, max_attempts, run_at, created_at, "
                        + "updated_at) VALUES (gen_random_uuid(), 'train', 'queued', 1, now(), now(), now())");

        assertThat(first.name()).isNotEqualTo(second.name());
        assertThat(count(first.dataSource(), "SELECT count(*) FROM jobs")).isEqualTo(1);
        assertThat(count(second.dataSource(), "SELECT count(*) FROM jobs")).isZero();
    }

    @Test
    void emptyDatabaseHasNoSchema() throws SQLException {
        TestDatabase empty = SharedPostgres.emptyDatabase("empty");

        assertThat(count(
                        empty.dataSource(),
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                .isZero();
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
