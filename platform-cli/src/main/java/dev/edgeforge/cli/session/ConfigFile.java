package dev.edgeforge.cli.session;

import dev.edgeforge.cli.http.RestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;

/**
 * The CLI's configuration file: {@code $EDGEFORGE_CONFIG}, else {@code $XDG_CONFIG_HOME/edgeforge/config.json}, else
 * {@code ~/.config/edgeforge/config.json}. It holds a secret, so it is written owner-only ({@code 0600}, its folder
 * {@code 0700} when the CLI creates it) and replaced atomically, never left half-written.
 */
public final class ConfigFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path path;

    public ConfigFile(Path path) {
        this.path = path;
    }

    public static ConfigFile of(Terminal terminal) {
        Optional<String> explicit = terminal.env("EDGEFORGE_CONFIG");
        if (explicit.isPresent()) {
            return new ConfigFile(Path.of(explicit.get()));
        }
        Path root = terminal.env("XDG_CONFIG_HOME")
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".config"));
        return new ConfigFile(root.resolve("edgeforge").resolve("config.json"));
    }

    public Path path() {
        return path;
    }

    public Optional<CliConfig> read() {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            ownerOnly();
            return Optional.of(RestClient.JSON.readValue(Files.readString(path), CliConfig.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        } catch (JacksonException e) {
            throw new UsageException(path + " is not a configuration this CLI wrote (" + e.getOriginalMessage()
                    + "); delete it and sign in again");
        }
    }

    public void write(CliConfig config) {
        try {
            Path folder = path.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                if (posix()) {
                    Files.createDirectories(
                            folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(folder);
                }
            }
            Path temporary = folder.resolve(
                    path.getFileName() + ".tmp-" + ProcessHandle.current().pid());
            Files.deleteIfExists(temporary);
            if (posix()) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temporary);
            }
            Files.writeString(
                    temporary,
                    RestClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    public boolean delete() {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    /** A file copied or restored with looser permissions is taken back to owner-only before its secret is used. */
    private void ownerOnly() throws IOException {
        if (posix() && !Files.getPosixFilePermissions(path).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(path, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
