package dev.edgeforge.infra.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
