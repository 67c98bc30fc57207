package dev.edgeforge.api.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads uploads once, hashing on the way: small ones into memory, larger ones streamed to temporary files (so no
 * large upload is ever held in memory whole), and a file over the limit is refused as soon as its bytes pass the
 * limit.
 */
@Component
public class UploadSpooler {

    private static final int BUFFER = 64 * 1024;
    /** Uploads up to this size are held in memory; larger ones go to a temporary file. */
    static final int IN_MEMORY_BYTES = 64 * 1024;

    private final Path directory;
    private final long maxUploadBytes;

    UploadSpooler(DatasetProperties properties, @Value("${edgeforge.data-dir:./data}") Path dataDir) {
        this.directory = (properties.tempDirectory() != null
                        ? properties.tempDirectory()
                        : dataDir.resolve("tmp").resolve("uploads"))
                .toAbsolutePath()
                .normalize();
        this.maxUploadBytes = properties.maxUploadBytes().toBytes();
        try {
            Files.createDirectories(directory);
            clearLeftovers();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the upload directory " + directory, e);
        }
    }

    /** Where uploads are spooled (also the servlet container's multipart location). */
    public Path directory() {
        return directory;
    }

    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    /**
     * Reads {@code in} (not closed) to its end: into memory while it is at most {@value #IN_MEMORY_BYTES} bytes (a
     * device message is a few KB; no temporary file for it), into a new temporary file beyond.
     *
     * @throws UploadTooLargeViolation once more than {@code edgeforge.datasets.max-upload-bytes} arrive; nothing is
     *                                 kept
     */
    public UploadSpool spool(String fileName, InputStream in) {
        Path file = null;
        OutputStream out = null;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteArrayOutputStream memory = new ByteArrayOutputStream();
            long size = 0;
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                size += read;
                if (size > maxUploadBytes) {
                    throw new UploadTooLargeViolation("'" + fileName + "'", maxUploadBytes);
                }
                sha.update(buffer, 0, read);
                if (out == null && size > IN_MEMORY_BYTES) {
                    file = Files.createTempFile(directory, "upload-", ".part");
                    out = Files.newOutputStream(file);
                    memory.writeTo(out);
                    memory = null;
                }
                if (out != null) {
                    out.write(buffer, 0, read);
                } else {
                    memory.write(buffer, 0, read);
                }
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            if (out == null) {
                return new UploadSpool(fileName, SampleStorage.Content.of(memory.toByteArray()), hash);
            }
            out.close();
            out = null;
            UploadSpool spool = new UploadSpool(fileName, SampleStorage.Content.of(file, size), hash);
            file = null;
            return spool;
        } catch (IOException e) {
            throw new UncheckedIOException("spooling upload '" + fileName + "'", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        } finally {
            closeQuietly(out);
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // best effort; cleared on the next start
                }
            }
        }
    }

    private static void closeQuietly(OutputStream out) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the spool is being abandoned anyway
            }
        }
    }

    /** Spools of a previous run that died mid-upload. */
    private void clearLeftovers() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("upload-"))
                    .toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
