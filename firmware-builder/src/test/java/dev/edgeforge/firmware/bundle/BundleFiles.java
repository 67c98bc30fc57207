package dev.edgeforge.firmware.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads bundle ZIPs in tests. */
final class BundleFiles {

    private BundleFiles() {}

    /** Entry names, in ZIP order. */
    static List<String> names(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    /** Extracts the ZIP into {@code directory}; returns the bundle's root folder. */
    static Path extract(Path zip, Path directory) throws IOException {
        Path root = null;
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IOException("entry outside the folder: " + entry.getName());
                }
                Files.createDirectories(target.getParent());
                Files.copy(entries, target);
                String top = entry.getName().substring(0, entry.getName().indexOf('/'));
                root = directory.resolve(top);
            }
        }
        return root;
    }
}
