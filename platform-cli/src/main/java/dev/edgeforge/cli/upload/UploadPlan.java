package dev.edgeforge.cli.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How files become requests: one label per request (the label is a request parameter), and each request within a
 * number of files and of bytes, far below the server's defaults (1000 files, 512 MB) so a slow link loses little
 * when a request fails; a file larger than the byte limit goes alone.
 */
final class UploadPlan {

    /** How the files of one request are labeled. */
    sealed interface Labeling {

        /** The {@code label} parameter. */
        record Given(String label) implements Labeling {}

        /** {@code noLabel=true}: a file whose name leaves no label. */
        record None() implements Labeling {}

        /** Neither: ZIP archives, whose entries the server labels from their own names by the same rule. */
        record FromEntryNames() implements Labeling {}

        /**
         * {@code labelRule}: the server labels each file (and each archive entry) from its name by this rule, exactly
         * as for any other client of the API; a name the rule gets no label from fails on its own line.
         */
        record ByRule(String rule) implements Labeling {}
    }

    /** One request's files, their total size, and how they are labeled. */
    record Batch(Labeling labeling, List<Path> files, long bytes) {

        List<Batch> halves() {
            int middle = files.size() / 2;
            return List.of(of(labeling, files.subList(0, middle)), of(labeling, files.subList(middle, files.size())));
        }

        static Batch of(Labeling labeling, List<Path> files) {
            long bytes = 0;
            for (Path file : files) {
                bytes += size(file);
            }
            return new Batch(labeling, List.copyOf(files), bytes);
        }
    }

    private UploadPlan() {}

    /**
     * @param label    the label for every file, or empty for each file's own (see {@link LabelRule})
     * @param maxFiles most files per request
     * @param maxBytes most bytes per request
     */
    static List<Batch> plan(List<Path> files, Optional<String> label, int maxFiles, long maxBytes) {
        return plan(files, label, Optional.empty(), maxFiles, maxBytes);
    }

    /**
     * @param labelRule the server's label rule for every file ({@code --label-rule}); excludes {@code label}
     */
    static List<Batch> plan(
            List<Path> files, Optional<String> label, Optional<String> labelRule, int maxFiles, long maxBytes) {
        Map<Labeling, List<Path>> groups = new LinkedHashMap<>();
        for (Path file : files) {
            Labeling labeling = labelRule.<Labeling>map(Labeling.ByRule::new).orElseGet(() -> labeling(file, label));
            groups.computeIfAbsent(labeling, key -> new ArrayList<>()).add(file);
        }
        List<Batch> batches = new ArrayList<>();
        for (Map.Entry<Labeling, List<Path>> group : groups.entrySet()) {
            List<Path> current = new ArrayList<>();
            long bytes = 0;
            for (Path file : group.getValue()) {
                long size = size(file);
                if (!current.isEmpty() && (current.size() >= maxFiles || bytes + size > maxBytes)) {
                    batches.add(new Batch(group.getKey(), List.copyOf(current), bytes));
                    current.clear();
                    bytes = 0;
                }
                current.add(file);
                bytes += size;
            }
            if (!current.isEmpty()) {
                batches.add(new Batch(group.getKey(), List.copyOf(current), bytes));
            }
        }
        return batches;
    }

    static Labeling labeling(Path file, Optional<String> label) {
        if (label.isPresent()) {
            return new Labeling.Given(label.get());
        }
        if (LabelRule.isArchive(file.getFileName().toString())) {
            return new Labeling.FromEntryNames();
        }
        return LabelRule.labelOf(file).<Labeling>map(Labeling.Given::new).orElseGet(Labeling.None::new);
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
