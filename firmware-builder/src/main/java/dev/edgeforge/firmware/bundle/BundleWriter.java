package dev.edgeforge.firmware.bundle;

import dev.edgeforge.firmware.codegen.ModelIdentity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A bundle being assembled in a staging folder, then written as a ZIP with a {@code SHA256SUMS} file (GNU coreutils
 * format: {@code sha256sum -c SHA256SUMS} checks it). Entries are sorted and carry a fixed timestamp, so identical
 * contents give an identical ZIP.
 */
final class BundleWriter {

    static final String CHECKSUMS = "SHA256SUMS";
    private static final FileTime FIXED_TIME = FileTime.fromMillis(315_532_800_000L); // 1980-01-01, ZIP's epoch

    private final Path staging;

    /** @param staging the bundle's root folder (created) */
    BundleWriter(Path staging) {
        this.staging = staging;
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + staging, e);
        }
    }

    Path root() {
        return staging;
    }

    void writeText(String relative, String text) {
        Path file = staging.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    void copyFile(Path source, String relative) {
        Path target = staging.resolve(relative);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " into the bundle", e);
        }
    }

    /** Copies a folder's files (recursively) below {@code relative}. */
    void copyTree(Path source, String relative) {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(path)) {
                    copyFile(path, relative + "/" + slashes(source.relativize(path)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " into the bundle", e);
        }
    }

    /**
     * Writes {@code SHA256SUMS} over every file, then the ZIP with every file under the folder {@code rootName}.
     *
     * @return the ZIP
     */
    Path zip(Path zipFile, String rootName) {
        try {
            List<Path> files = files();
            StringBuilder sums = new StringBuilder();
            for (Path file : files) {
                sums.append(ModelIdentity.sha256(Files.readAllBytes(file)))
                        .append("  ")
                        .append(slashes(staging.relativize(file)))
                        .append('\n');
            }
            writeText(CHECKSUMS, sums.toString());
            Files.createDirectories(zipFile.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(zipFile);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                List<Path> entries = new ArrayList<>(files);
                entries.add(staging.resolve(CHECKSUMS));
                for (Path file : entries) {
                    ZipEntry entry = new ZipEntry(rootName + "/" + slashes(staging.relativize(file)));
                    entry.setLastModifiedTime(FIXED_TIME);
                    zip.putNextEntry(entry);
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            return zipFile;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bundle " + zipFile, e);
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> paths = Files.walk(staging)) {
            List<Path> files = new ArrayList<>(paths.filter(Files::isRegularFile)
                    .filter(path -> !staging.relativize(path).toString().equals(CHECKSUMS))
                    .toList());
            files.sort((a, b) -> slashes(staging.relativize(a)).compareTo(slashes(staging.relativize(b))));
            return files;
        }
    }

    static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
