package dev.edgeforge.api.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An uploaded file spooled to a temporary file while its SHA-256 was computed. Closing deletes the temporary file.
 *
 * @param fileName the name the client gave (may contain folders, e.g. {@code training/idle.1.json} from a ZIP)
 * @param file     the temporary file
 * @param sha256   lowercase hex SHA-256 of the content
 * @param size     bytes
 */
public record UploadSpool(String fileName, Path file, String sha256, long size) implements AutoCloseable {

    /** The first {@code n} bytes (fewer for a shorter file), for format detection. */
    public byte[] head(int n) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(n);
            return bytes.length == n ? bytes : Arrays.copyOf(bytes, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole content; only for files known to be small (labels sidecars are bounded by the upload limit). */
    public byte[] readAll() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name without folders. */
    public String baseName() {
        return FileNames.baseName(fileName);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless; the directory is cleared on start
        }
    }
}
