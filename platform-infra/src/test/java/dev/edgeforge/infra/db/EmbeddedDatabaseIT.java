package dev.edgeforge.infra.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseIT {

    @TempDir
    Path tempDir;

    @Test
    void temporaryServerRunsPostgres17AndCleansUp() throws SQLException {
        Path dataDirectory;
        try (EmbeddedDatabase db = EmbeddedDatabase.builder().build()) {
            dataDirectory = db.dataDirectory();
            assertThat(db.isPersistent()).isFalse();
            assertThat(query(db, "SHOW server_version")).startsWith("17.");
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + db.port() + "/postgres");
        }
        assertThat(dataDirectory).doesNotExist();
    }

    // One data directory through several restarts: initdb is the slow part, so the scenarios share it.
    @Test
    void keepsDataBetweenRestartsRefusesASecondServerAndSurvivesAStalePidFile() throws Exception {
        Path data = tempDir.resolve("postgres");
        int port = freePort();
        try (EmbeddedDatabase db =
                EmbeddedDatabase.builder().optDataDirectory(data).optPort(port).build()) {
            assertThat(db.port()).isEqualTo(port);
            assertThat(db.isPersistent()).isTrue();
            assertThat(query(db, "SHOW fsync")).isEqualTo("on");
            assertThat(db.createDatabaseIfMissing("edgeforge")).isTrue();
            assertThat(db.createDatabaseIfMissing("edgeforge")).isFalse();
            execute(db, "edgeforge", "CREATE TABLE kept (value text)", "INSERT INTO kept VALUES ('survives')");

            assertThatThrownBy(() ->
                            EmbeddedDatabase.builder().optDataDirectory(data).build())
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageContaining(data.toString())
                    .hasMessageContaining("already open in this JVM");
        }
        assertThat(data.resolve("PG_VERSION")).exists();

        try (EmbeddedDatabase db =
                EmbeddedDatabase.builder().optDataDirectory(data).build()) {
            assertThat(query(db, "edgeforge", "SELECT value FROM kept")).isEqualTo("survives");
        }

        // what a crash leaves when the server died with it: a pid file naming a process that is gone
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Files.writeString(data.resolve("postmaster.pid"), finished.pid() + "\n" + data + "\n");
        try (EmbeddedDatabase db =
                EmbeddedDatabase.builder().optDataDirectory(data).build()) {
            assertThat(query(db, "edgeforge", "SELECT value FROM kept")).isEqualTo("survives");
        }
    }

    @Test
    void recoversFromAKilledJvmAndRefusesWhileItLives() throws Exception {
        Path data = tempDir.resolve("postgres");
        Process child = startChild(data);
        long orphanPid;
        try {
            awaitReady(child);
            orphanPid = Long.parseLong(
                    Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());

            // the child JVM still holds the directory
            assertThatThrownBy(() ->
                            EmbeddedDatabase.builder().optDataDirectory(data).build())
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageContaining("in use by another running process")
                    .hasMessageContaining("PostgreSQL PID " + orphanPid);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs, PostgreSQL is orphaned
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(orphanPid).map(StalePostmasterCheck::isRunning))
                .contains(true);

        try (EmbeddedDatabase db =
                EmbeddedDatabase.builder().optDataDirectory(data).build()) {
            assertThat(query(db, "SELECT value FROM kept")).isEqualTo("written by the child");
            // isRunning, not isAlive: the exited orphan may linger as a zombie until PID 1 reaps it
            assertThat(ProcessHandle.of(orphanPid)
                            .map(StalePostmasterCheck::isRunning)
                            .orElse(false))
                    .isFalse();
        }
    }

    // issue #10: "psql -h 127.0.0.1 -p 54329 -U postgres" got in without a password, as superuser
    @Test
    void aKeptDataDirectoryDemandsTheGeneratedPasswordOnLoopbackOnly() throws Exception {
        Path data = tempDir.resolve("postgres");
        Path passwordFile = tempDir.resolve("postgres.password");
        int port = freePort();
        try (EmbeddedDatabase db =
                EmbeddedDatabase.builder().optDataDirectory(data).optPort(port).build()) {
            assertThat(db.passwordFile()).contains(passwordFile);
            assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(OWNER_ONLY);
            assertThat(Files.readString(passwordFile).strip())
                    .isEqualTo(db.password().orElseThrow())
                    .hasSize(32);
            assertThat(query(db, "SHOW listen_addresses")).isEqualTo("localhost");
            assertRefusedWithoutPassword(port);
            assertThat(refusal(port, "wrong-password")).contains("password authentication failed");
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*\\btrust\\b");
            execute(db, "postgres", "CREATE TABLE kept (value text)", "INSERT INTO kept VALUES ('behind a password')");
        }

        // the next start reads the same password
        try (EmbeddedDatabase db =
                EmbeddedDatabase.builder().optDataDirectory(data).optPort(port).build()) {
            assertThat(query(db, "SELECT value FROM kept")).isEqualTo("behind a password");
            assertRefusedWithoutPassword(port);
        }

        // a lost password file is not silently replaced by one the database does not know
        Files.delete(passwordFile);
        assertThatThrownBy(
                        () -> EmbeddedDatabase.builder().optDataDirectory(data).build())
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining(passwordFile.toString())
                .hasMessageContaining("missing");
    }

    @Test
    void aDataDirectoryCreatedWithoutAPasswordGetsOneAtItsNextStart() throws Exception {
        Path data = tempDir.resolve("postgres");
        int port = freePort();
        // what earlier EdgeForge versions left: zonky's initdb defaults, every local connection trusted
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .start();
                Connection c = legacy.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (value text)");
            s.execute("INSERT INTO kept VALUES ('from before')");
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).containsPattern("(?m)^host.*trust");

        try (EmbeddedDatabase db =
                EmbeddedDatabase.builder().optDataDirectory(data).optPort(port).build()) {
            assertThat(query(db, "SELECT value FROM kept")).isEqualTo("from before");
            assertRefusedWithoutPassword(port);
            assertThat(Files.getPosixFilePermissions(tempDir.resolve("postgres.password")))
                    .isEqualTo(OWNER_ONLY);
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*\\btrust\\b");

        try (EmbeddedDatabase db =
                EmbeddedDatabase.builder().optDataDirectory(data).optPort(port).build()) {
            assertThat(query(db, "SELECT value FROM kept")).isEqualTo("from before");
            assertRefusedWithoutPassword(port);
        }
    }

    @Test
    void refusesADirectoryOfAnotherPostgresVersion() throws IOException {
        Path data = Files.createDirectories(tempDir.resolve("old"));
        Files.writeString(data.resolve("PG_VERSION"), "16\n");

        assertThatThrownBy(
                        () -> EmbeddedDatabase.builder().optDataDirectory(data).build())
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("PostgreSQL 16 data")
                .hasMessageContaining("pg_upgrade");
    }

    @Test
    void refusesANonEmptyDirectoryThatIsNotADataDirectory() throws IOException {
        Path data = Files.createDirectories(tempDir.resolve("other"));
        Files.writeString(data.resolve("notes.txt"), "mine");

        assertThatThrownBy(
                        () -> EmbeddedDatabase.builder().optDataDirectory(data).build())
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("not a PostgreSQL data directory");
        assertThat(data.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void rejectsBadSettingsAndDatabaseNames() {
        assertThatThrownBy(() -> EmbeddedDatabase.builder().optPort(70000).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
        assertThatThrownBy(() -> EmbeddedDatabase.requireDatabaseName("Robert'); DROP"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database name");
    }

    private Process startChild(Path data) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedDatabaseChild.class.getName(),
                data.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitReady(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY")) {
                // keep draining so the child never blocks on a full pipe
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(Writer.nullWriter());
                    } catch (IOException e) {
                        // the child was killed
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
            seen.add(line);
        }
        throw new AssertionError("child JVM ended before its database was ready:\n" + String.join("\n", seen));
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Connects over TCP to 127.0.0.1 as the superuser; why it was refused, or null when it was accepted. */
    private static String refusal(int port, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", EmbeddedDatabase.USER);
        if (password != null) {
            properties.setProperty("password", password);
        }
        try (Connection ignored =
                DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties)) {
            return null;
        } catch (SQLException refused) {
            return refused.getMessage();
        }
    }

    private static void assertRefusedWithoutPassword(int port) {
        assertThat(refusal(port, null)).as("a connection without password").contains("no password was provided");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String query(EmbeddedDatabase db, String sql) throws SQLException {
        return query(db, "postgres", sql);
    }

    private static String query(EmbeddedDatabase db, String database, String sql) throws SQLException {
        try (Connection c = db.dataSource(database).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static void execute(EmbeddedDatabase db, String database, String... sql) throws SQLException {
        try (Connection c = db.dataSource(database).getConnection();
                Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }
}
