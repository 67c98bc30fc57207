package dev.edgeforge.infra.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The superuser password of a kept data directory, and the {@code pg_hba.conf} rules that demand it.
 *
 * <p>The password lives beside the data directory ({@code <dir>.password}, e.g. {@code data/postgres.password}),
 * readable by its owner only: initdb wants the data directory itself empty, and the server never needs the file
 * again once the password is set. It is 32 hexadecimal characters, so it needs no quoting in SQL or in initdb's
 * {@code --pwfile}.
 */
final class SuperuserPassword {
    /** The one authentication method of every pg_hba.conf rule once the password is in place. */
    static final String METHOD = "scram-sha-256";

    static final String HBA_FILE = "pg_hba.conf";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Pattern VALUE = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final String value;

    private SuperuserPassword(Path file, String value) {
        this.file = file;
        this.value = value;
    }

    static Path fileOf(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
    }

    /**
     * The password of the data directory: read from its file, or generated and written when there is none yet.
     *
     * @param clusterExists whether initdb already ran in the directory
     * @throws EmbeddedDatabaseException when the cluster demands a password but the file is gone (generating a new
     *                                   one would lock EdgeForge out of its own database)
     */
    static SuperuserPassword prepare(Path dataDirectory, boolean clusterExists) {
        Path file = fileOf(dataDirectory);
        try {
            if (Files.exists(file)) {
                return new SuperuserPassword(file, read(file));
            }
            if (clusterExists && demandsPassword(dataDirectory)) {
                throw new EmbeddedDatabaseException("The database in " + dataDirectory + " requires the superuser "
                        + "password kept in " + file + ", but that file is missing. Restore it from a backup, or set "
                        + "a new one: stop EdgeForge, change '" + METHOD + "' to 'trust' in " + HBA_FILE
                        + " there, and start again (EdgeForge then writes a new password and demands it again).");
            }
            byte[] random = new byte[16];
            RANDOM.nextBytes(random);
            String generated = HexFormat.of().formatHex(random);
            write(file, generated);
            return new SuperuserPassword(file, generated);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "Cannot read or write the database password file " + file + ": " + e, e);
        }
    }

    Path file() {
        return file;
    }

    String value() {
        return value;
    }

    /** Whether every rule of the cluster's pg_hba.conf asks for a password: no rule trusts a connection. */
    static boolean demandsPassword(Path dataDirectory) throws IOException {
        for (String line : Files.readAllLines(dataDirectory.resolve(HBA_FILE), StandardCharsets.UTF_8)) {
            if (tokens(line).contains("trust")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Replaces {@code trust} by {@value #METHOD} in every rule of pg_hba.conf, atomically; the server reads it at
     * its next reload. Comments are kept as they are.
     */
    static void demandPassword(Path dataDirectory) throws IOException {
        Path hba = dataDirectory.resolve(HBA_FILE);
        List<String> rewritten = new ArrayList<>();
        for (String line : Files.readAllLines(hba, StandardCharsets.UTF_8)) {
            rewritten.add(tokens(line).contains("trust") ? String.join("    ", replaceTrust(tokens(line))) : line);
        }
        Path temporary = Files.createTempFile(dataDirectory, HBA_FILE, ".tmp", ownerOnly());
        Files.write(temporary, rewritten, StandardCharsets.UTF_8);
        moveIntoPlace(temporary, hba);
    }

    /** The whitespace-separated fields of a pg_hba.conf line, without its comment. */
    private static List<String> tokens(String line) {
        int hash = line.indexOf('#');
        String rule = (hash >= 0 ? line.substring(0, hash) : line).strip();
        return rule.isEmpty() ? List.of() : List.of(WHITESPACE.split(rule));
    }

    private static List<String> replaceTrust(List<String> tokens) {
        return tokens.stream().map(t -> t.equals("trust") ? METHOD : t).toList();
    }

    private static String read(Path file) throws IOException {
        if (isPosix()) {
            // a copy restored from a backup may have lost its mode; nobody else may read it
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        String content = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!VALUE.matcher(content).matches()) {
            throw new EmbeddedDatabaseException("The database password file " + file + " does not hold a password "
                    + "EdgeForge wrote (32 hexadecimal characters); restore it from a backup.");
        }
        return content;
    }

    private static void write(Path file, String password) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary =
                Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp", ownerOnly());
        Files.writeString(temporary, password + "\n", StandardCharsets.US_ASCII);
        moveIntoPlace(temporary, file);
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return isPosix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
