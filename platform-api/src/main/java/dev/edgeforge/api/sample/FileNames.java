package dev.edgeforge.api.sample;

import dev.edgeforge.core.format.labels.FileNameLabelRule;
import java.util.Locale;
import java.util.Set;

/** What the ingestion takes from a file name: the base name, the sample name and the inferred label. */
public final class FileNames {

    /** Extensions of sample files, dropped from sample names ({@code idle.01.json} is the sample {@code idle.01}). */
    private static final Set<String> SAMPLE_EXTENSIONS =
            Set.of("json", "cbor", "csv", "tsv", "wav", "wave", "png", "jpg", "jpeg", "bmp", "gif", "webp");

    private FileNames() {}

    /** The name without folders ({@code /} or {@code \}). */
    public static String baseName(String fileName) {
        if (fileName == null) {
            return "";
        }
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return fileName.substring(slash + 1);
    }

    /** The sample name of a file: its base name without a known sample extension; "sample" when nothing is left. */
    public static String sampleName(String fileName) {
        String base = baseName(fileName).strip();
        int dot = base.lastIndexOf('.');
        if (dot > 0 && SAMPLE_EXTENSIONS.contains(base.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            base = base.substring(0, dot);
        }
        base = base.strip();
        if (base.isEmpty()) {
            return "sample";
        }
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    /**
     * The label Edge Impulse infers from a file name: the base name up to its first {@code '.'} (so
     * {@code idle.01.json} is labeled {@code idle}); null when that is blank.
     */
    public static String inferredLabel(String fileName) {
        return FileNameLabelRule.DEFAULT.labelOf(fileName).orElse(null);
    }
}
