package dev.edgeforge.cli.upload;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Edge Impulse's uploader rule for a file's label when none is given: the file name (without folders) up to its
 * first {@code '.'}, so {@code idle.01.json} and {@code idle.json} are both labeled {@code idle}. The CLI applies it
 * itself and sends the label explicitly, so the result does not depend on the server's own rules.
 */
public final class LabelRule {

    /** The server keeps at most this many characters of an inferred label, and so do we. */
    static final int MAX_LENGTH = 200;

    private LabelRule() {}

    /** The label of a file of this name; empty when nothing is left (a name such as {@code .json}). */
    public static Optional<String> labelOf(String fileName) {
        String base = baseName(fileName);
        int dot = base.indexOf('.');
        String label = (dot >= 0 ? base.substring(0, dot) : base).strip();
        if (label.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(label.length() > MAX_LENGTH ? label.substring(0, MAX_LENGTH) : label);
    }

    public static Optional<String> labelOf(Path file) {
        return labelOf(file.getFileName().toString());
    }

    /** Whether a file is a ZIP archive, whose entries are labeled one by one from their own names. */
    static boolean isArchive(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static String baseName(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return fileName.substring(slash + 1);
    }
}
