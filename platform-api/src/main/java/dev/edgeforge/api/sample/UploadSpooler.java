package dev.edgeforge.api.sample;

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
 * Streams uploads to temporary files, hashing on the way, so that no upload is ever held in memory whole and a
 * file over the limit is refused as soon as its bytes pass the limit.
 */
@Component
public class UploadSpooler {

    private static final int BUFFER = 64 * 1024;

    private final Path directory;
    private final long maxUploadBytes;

    UploadSpooler(DatasetProperties properties, @Value("${edgeforge.data-dir:./data}") Path dataDir) {
        this.directory = (properties.tempDirectory() != null ? properties.tempDirectory()
                : dataDir.resolve("tmp").resolve("uploads")).toAbsolutePath().normalize();
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
     * Copies {@code in} (not closed) to a new temporary file.
     *
     * @throws UploadTooLargeViolation once more than {@code edgeforge.datasets.max-upload-bytes} arrive; nothing is
     *                                 kept
     */
    public UploadSpool spool(String fileName, InputStream in) {
        Path file = null;
        try {
            file = Files.createTempFile(directory, "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            byte[] buffer = new byte[BUFFER];
            try (OutputStream out = Files.newOutputStream(file)) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    size += read;
                    if (size > maxUploadBytes) {
                        throw new UploadTooLargeViolation("'" + fileName + "'", maxUploadBytes);
                    }
                    sha.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            UploadSpool spool = new UploadSpool(fileName, file, HexFormat.of().formatHex(sha.digest()), size);
            file = null;
            return spool;
        } catch (IOException e) {
            throw new UncheckedIOException("spooling upload '" + fileName + "'", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // best effort; cleared on the next start
                }
            }
        }
    }

    /** Spools of a previous run that died mid-upload. */
    private void clearLeftovers() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("upload-")).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
