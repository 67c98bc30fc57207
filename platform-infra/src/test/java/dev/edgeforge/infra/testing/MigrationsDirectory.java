package dev.edgeforge.infra.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code db/migrations} directory, whatever module the tests run in. */
public final class MigrationsDirectory {
    /** System property that names the directory explicitly (for unusual layouts). */
    public static final String PROPERTY = "edgeforge.migrations";

    private MigrationsDirectory() {}

    /**
     * The {@code db/migrations} directory found by walking up from the working directory (Maven runs tests in
     * the module directory; the migrations live at the repository root), or the one named by {@value #PROPERTY}.
     *
     * @throws IllegalStateException when there is none
     */
    public static Path find() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path dir = Path.of(explicit).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + explicit + " is not a directory");
            }
            return dir;
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("db").resolve("migrations");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no db/migrations directory in " + start + " or any parent; run the tests "
                + "inside the repository or pass -D" + PROPERTY + "=<dir>");
    }
}
