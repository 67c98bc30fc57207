package dev.edgeforge.api.sample;

import dev.edgeforge.core.format.SampleInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * An uploaded file, read once while its SHA-256 was computed: small files are kept in memory, larger ones in a
 * temporary file (see {@link UploadSpooler}). Closing deletes the temporary file.
 */
public final class UploadSpool implements AutoCloseable {

    private final String fileName;
    private final SampleStorage.Content content;
    private final String sha256;

    UploadSpool(String fileName, SampleStorage.Content content, String sha256) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.content = Objects.requireNonNull(content, "content");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
    }

    /** The name the client gave (may contain folders, e.g. {@code training/idle.1.json} from a ZIP). */
    public String fileName() {
        return fileName;
    }

    /** The file name without folders. */
    public String baseName() {
        return FileNames.baseName(fileName);
    }

    /** Lowercase hex SHA-256 of the content. */
    public String sha256() {
        return sha256;
    }

    public long size() {
        return content.size();
    }

    /** The bytes, to store. */
    public SampleStorage.Content content() {
        return content;
    }

    public InputStream open() {
        return content.open();
    }

    /** The content for the parsers, which may read it more than once (a file is not loaded into memory). */
    public SampleInput input() {
        return content.bytes() != null ? SampleInput.of(content.bytes()) : SampleInput.of(content.file(), size());
    }

    /** The first {@code n} bytes (fewer for a shorter file), for format detection. */
    public byte[] head(int n) {
        if (content.bytes() != null) {
            return Arrays.copyOf(content.bytes(), (int) Math.min(n, content.bytes().length));
        }
        try (InputStream in = open()) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole content; the caller bounds the size (uploads are at most the upload limit). */
    public byte[] readAll() {
        if (content.bytes() != null) {
            return content.bytes();
        }
        try {
            return Files.readAllBytes(content.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        Path file = content.file();
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless; the directory is cleared on start
            }
        }
    }
}
