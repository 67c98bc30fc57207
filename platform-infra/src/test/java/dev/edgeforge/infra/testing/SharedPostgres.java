package dev.edgeforge.infra.testing;

import dev.edgeforge.infra.db.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * One embedded PostgreSQL per test JVM, and a fresh database per test class.
 *
 * <p>At first use it starts the server and migrates a template database with Flyway from the repository's
 * {@code db/migrations}; {@link #freshDatabase} then copies that template ({@code CREATE DATABASE … TEMPLATE},
 * milliseconds), so every test class gets the real schema without paying for the migrations again. Databases are
 * not dropped (a Spring context cached by the test framework may still use one); the server and its temporary
 * directory go away with the JVM.
 *
 * <pre>{@code
 * @BeforeAll
 * static void database() {
 *     db = SharedPostgres.freshDatabase("JobQueueIT");
 * }
 * }</pre>
 */
public final class SharedPostgres {
    private static final String TEMPLATE = "edgeforge_template";
    private static final String OBJECT_IN_USE = "55006";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static EmbeddedDatabase server;
    private static Path migrations;

    private SharedPostgres() {}

    /** The JVM's embedded server, started (and the template migrated) on first use. */
    public static synchronized EmbeddedDatabase server() {
        if (server == null) {
            EmbeddedDatabase started = EmbeddedDatabase.builder()
                    // every cached Spring context of a test run keeps its own pool open
                    .optServerConfig("max_connections", "500")
                    .build();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-postgres-stop"));
            migrations = MigrationsDirectory.find();
            migrateTemplate(started, migrations);
            server = started;
        }
        return server;
    }

    /** The migrations directory the template was built from. */
    public static synchronized Path migrations() {
        server();
        return migrations;
    }

    /**
     * A new database holding the migrated schema and no rows.
     *
     * @param hint part of the database name, e.g. the test class name
     */
    public static TestDatabase freshDatabase(String hint) {
        return create(hint, " TEMPLATE " + TEMPLATE);
    }

    /** A new, empty database (no schema), e.g. to test the migrations themselves. */
    public static TestDatabase emptyDatabase(String hint) {
        return create(hint, "");
    }

    private static TestDatabase create(String hint, String templateClause) {
        EmbeddedDatabase db = server();
        String name = databaseName(hint);
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = db.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                // name is built from [a-z0-9_] only (databaseName), the template clause is a constant
                statement.execute("CREATE DATABASE " + name + templateClause);
                return new TestDatabase(name, db.jdbcUrl(name), EmbeddedDatabase.USER, db.dataSource(name));
            } catch (SQLException e) {
                // the template's last connection may still be closing on the server side
                if (!OBJECT_IN_USE.equals(e.getSQLState()) || attempt >= 50) {
                    throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
                }
                sleep(100);
            }
        }
    }

    static String databaseName(String hint) {
        String cleaned = (hint == null ? "test" : hint).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (cleaned.length() > 40) {
            cleaned = cleaned.substring(0, 40);
        }
        return "t_" + cleaned + "_" + COUNTER.incrementAndGet();
    }

    private static void migrateTemplate(EmbeddedDatabase db, Path migrationsDirectory) {
        db.createDatabaseIfMissing(TEMPLATE);
        Flyway.configure()
                .dataSource(db.dataSource(TEMPLATE))
                .locations("filesystem:" + migrationsDirectory)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        try (Connection connection = db.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            // nobody may connect to the template by accident: CREATE DATABASE … TEMPLATE needs it idle
            statement.execute("ALTER DATABASE " + TEMPLATE + " WITH ALLOW_CONNECTIONS false");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seal the template database: " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating a test database", e);
        }
    }
}
