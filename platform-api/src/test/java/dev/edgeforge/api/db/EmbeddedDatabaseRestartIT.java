package dev.edgeforge.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.edgeforge.infra.db.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database keeps its data between starts and starts again after a hard kill left its pid file. */
class EmbeddedDatabaseRestartIT {

    @TempDir
    Path dataDir;

    private final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

    private EmbeddedDatabaseProperties properties() {
        return new EmbeddedDatabaseProperties(
                dataDir, new EmbeddedDatabaseProperties.EmbeddedPostgresSettings(0, "edgeforge_restart"));
    }

    @Test
    void dataSurvivesARestartAndAStalePidFileDoesNotBlockIt() throws Exception {
        try (EmbeddedDatabase postgres = configuration.embeddedDatabase(properties());
                HikariDataSource data = configuration.dataSource(postgres, properties());
                Connection connection = data.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE survivor (name text)");
            sql.execute("INSERT INTO survivor VALUES ('still here')");
        }
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        assertThat(pidFile).doesNotExist();

        // what a kill -9 leaves behind: a pid file naming a process that is gone
        Files.writeString(pidFile, deadPid() + "\n" + dataDir.resolve("postgres") + "\n1700000000\n54329\n");

        try (EmbeddedDatabase postgres = configuration.embeddedDatabase(properties());
                HikariDataSource data = configuration.dataSource(postgres, properties())) {
            assertThat(readSurvivor(data)).isEqualTo("still here");
        }
    }

    // issue #10: the embedded database let anyone on the machine in as superuser without a password
    @Test
    void connectionsWithoutThePasswordKeptInTheDataDirectoryAreRefused() throws Exception {
        try (EmbeddedDatabase postgres = configuration.embeddedDatabase(properties());
                HikariDataSource data = configuration.dataSource(postgres, properties());
                Connection connection = data.getConnection()) {
            assertThat(connection.isValid(5)).isTrue();
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("postgres.password")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            Properties noPassword = new Properties();
            noPassword.setProperty("user", EmbeddedDatabase.USER);
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/edgeforge_restart";
            assertThatThrownBy(
                            () -> DriverManager.getConnection(url, noPassword).close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no password was provided");
        }
    }

    private static String readSurvivor(HikariDataSource data) throws SQLException {
        try (Connection connection = data.getConnection();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT name FROM survivor")) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static long deadPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
