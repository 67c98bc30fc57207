package dev.edgeforge.cli.upload;

import dev.edgeforge.cli.session.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files an upload sends: files named on the command line as they are, and the sample files found in folders
 * (recursively, in name order), leaving out hidden files and folders and files of types the platform does not read.
 */
final class UploadFiles {

    /** What the platform reads: Edge Impulse JSON/CBOR, CSV, WAV, images, ZIP archives of these. */
    static final Set<String> EXTENSIONS =
            Set.of("json", "cbor", "csv", "tsv", "wav", "wave", "png", "jpg", "jpeg", "bmp", "gif", "webp", "zip");

    /**
     * @param files   in the order they are sent
     * @param skipped files found in folders and left out (hidden, other types)
     */
    record Found(List<Path> files, List<Path> skipped) {}

    private UploadFiles() {}

    static Found collect(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                walk(path, files, skipped);
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new UsageException(path + ": no such file or folder");
            }
        }
        return new Found(List.copyOf(files), List.copyOf(skipped));
    }

    private static void walk(Path folder, List<Path> files, List<Path> skipped) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile)
                    .filter(file -> !hidden(folder.relativize(file)))
                    .sorted()
                    .forEach(file -> (readable(file) ? files : skipped).add(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the folder " + folder, e);
        }
    }

    /** A hidden file, or a file inside a hidden folder (.git, .DS_Store and the like). */
    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean readable(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
