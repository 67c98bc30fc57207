package dev.edgeforge.api.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The real Edge Impulse Studio export under {@code shared/datasets/ei-studio-export} (see the README there), read as
 * it is: 41 Edge Impulse JSON files signed HS256 with a key nobody here knows, in {@code training/} and
 * {@code testing/}, and three {@code info.labels} (the root one and one per folder). Found by walking up from the
 * working directory, or named by the system property {@code edgeforge.datasets}; a missing folder fails the test.
 */
public final class StudioExport {

    /** How many data files the export holds, and how many of them are in each category. */
    public static final int FILES = 41;

    public static final int TRAINING = 32;
    public static final int TESTING = 9;

    /** The label only the export's testing set has. */
    public static final String TESTING_ONLY_LABEL = "unknown";

    private StudioExport() {}

    /** The export folder. */
    public static Path folder() {
        String property = System.getProperty("edgeforge.datasets");
        if (property != null) {
            return existing(Path.of(property).resolve("ei-studio-export"));
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("datasets").resolve("ei-studio-export");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No shared/datasets/ei-studio-export in " + start + " or above it; this test "
                + "needs the Studio export described in shared/datasets/README.md (or -Dedgeforge.datasets=<folder>)");
    }

    /** Every file of the export by its path in the folder ({@code training/x.json}, {@code info.labels}), sorted. */
    public static Map<String, byte[]> files() {
        Path folder = folder();
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The data files only (no labels files), by path. */
    public static Map<String, byte[]> dataFiles() {
        Map<String, byte[]> data = new LinkedHashMap<>(files());
        data.keySet().removeIf(path -> path.endsWith(".labels"));
        return data;
    }

    /** The export as one ZIP, as Studio's "Export data" writes it: the folder's files under their paths. */
    public static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Lower-case hex SHA-256, as the API shows a sample's {@code sha256}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path existing(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException(folder + " is not a folder; see shared/datasets/README.md");
        }
        return folder;
    }
}
