package dev.edgeforge.infra.db;

import java.nio.file.Path;

/**
 * Runs an {@link EmbeddedDatabase} in a separate JVM for {@link EmbeddedDatabaseIT}, which kills this JVM with
 * SIGKILL to leave an orphaned server and a stale lock behind. Prints "READY" once the server runs.
 */
public final class EmbeddedDatabaseChild {
    private EmbeddedDatabaseChild() {}

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db =
                EmbeddedDatabase.builder().optDataDirectory(Path.of(args[0])).build();
        try (var connection = db.dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS kept (value text)");
            statement.execute("INSERT INTO kept VALUES ('written by the child')");
        }
        System.out.println("READY " + db.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
