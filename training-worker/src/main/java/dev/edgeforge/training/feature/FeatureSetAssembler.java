package dev.edgeforge.training.feature;

import dev.edgeforge.core.feature.FeatureChunk;
import dev.edgeforge.core.feature.FeatureLayout;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSetHeader;
import dev.edgeforge.core.feature.FeatureSetWriter;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.feature.FeatureManifest;
import dev.edgeforge.jobs.feature.FeatureObjectKeys;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns one manifest's chunks into the two files training reads: the training and the testing {@code FeatureSet}
 * ({@code dev.edgeforge.core.feature}). The model's classes are the labels of the training data: the training file's
 * dictionary is those labels, sorted. The testing file's dictionary starts with the same labels, so a class index
 * means the same in both, and ends with the labels only the test set has (sorted): Edge Impulse Studio exports often
 * hold such a label (an "unknown" recorded for testing only), and test results count its windows as "not a class of
 * this model" rather than stopping training with an empty class. Samples without a label or without a window are
 * left out.
 *
 * <p>Written through a temporary file: a feature set can be far larger than the heap should hold.
 */
final class FeatureSetAssembler {

    private static final String TRAINING = "training";

    private final ObjectStore store;

    FeatureSetAssembler(ObjectStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    private static boolean labelled(FeatureManifest.Entry entry) {
        return entry.label() != null && !entry.label().isEmpty();
    }

    /**
     * The label dictionary of a category's file: the training labels, sorted; for another
     * category followed by its own labels that training lacks, sorted.
     */
    static List<String> labels(FeatureManifest manifest, String category) {
        List<String> training = labelsOf(manifest, TRAINING);
        if (category.equals(TRAINING)) {
            return training;
        }
        List<String> labels = new ArrayList<>(training);
        labelsOf(manifest, category).stream()
                .filter(label -> !training.contains(label))
                .forEach(labels::add);
        return labels;
    }

    private static List<String> labelsOf(FeatureManifest manifest, String category) {
        return manifest.samples().stream()
                .filter(e -> category.equals(e.category()) && labelled(e))
                .map(FeatureManifest.Entry::label)
                .distinct()
                .sorted()
                .toList();
    }

    /** Writes the set of one category; empty when the category has no labelled window. */
    Optional<String> write(FeatureManifest manifest, FeatureLayout layout, String category) {
        List<FeatureManifest.Entry> entries = manifest.samples().stream()
                .filter(e -> category.equals(e.category()) && labelled(e) && e.windows() > 0)
                .toList();
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        List<String> labels = labels(manifest, category);
        long rows = entries.stream().mapToLong(FeatureManifest.Entry::windows).sum();
        String key = FeatureObjectKeys.featureSet(
                manifest.projectId(), manifest.impulseVersion(), manifest.jobId(), category);
        Path file = null;
        try {
            file = Files.createTempFile("edgeforge-features-", ".effs");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                    FeatureSetWriter writer = new FeatureSetWriter(
                            out, new FeatureSetHeader(manifest.impulseVersion(), layout, labels, rows))) {
                for (FeatureManifest.Entry entry : entries) {
                    FeatureChunk chunk;
                    try (InputStream in = store.get(entry.chunkKey())) {
                        chunk = FeatureChunk.read(in);
                    }
                    for (FeatureRow row : chunk.rows(entry.sampleId(), entry.label())) {
                        writer.write(row);
                    }
                }
                writer.finish();
            }
            try (InputStream in = Files.newInputStream(file)) {
                store.put(key, in, Files.size(file));
            }
            return Optional.of(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the " + category + " feature set " + key, e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
