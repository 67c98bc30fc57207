package dev.edgeforge.core.feature;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The header of a feature set file: which impulse version made the features, how they are laid out, the label
 * dictionary rows refer to, and how many rows follow.
 *
 * @param impulseVersion the impulse version the features were computed with, &ge; 1
 * @param layout         where each processing block's features sit; its length is the row length
 * @param labels         the label dictionary, unique labels; rows store an index into it
 * @param rowCount       rows in the file, &ge; 0
 */
public record FeatureSetHeader(int impulseVersion, FeatureLayout layout, List<String> labels, long rowCount) {

    /** Most labels a file may declare (a guard against damaged headers, far above any real project). */
    public static final int MAX_LABELS = 1_000_000;

    public FeatureSetHeader {
        Objects.requireNonNull(layout, "layout");
        labels = List.copyOf(labels);
        if (impulseVersion < 1) {
            throw new IllegalArgumentException("impulse version " + impulseVersion + " is not 1 or more");
        }
        if (rowCount < 0) {
            throw new IllegalArgumentException("row count " + rowCount + " is negative");
        }
        if (labels.size() > MAX_LABELS) {
            throw new IllegalArgumentException(labels.size() + " labels; at most " + MAX_LABELS + " are supported");
        }
        if (layout.length() > FeatureSet.MAX_FEATURE_LENGTH) {
            throw new IllegalArgumentException("rows of " + layout.length() + " features; at most "
                    + FeatureSet.MAX_FEATURE_LENGTH + " are supported");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            Integer previous = seen.put(labels.get(i), i);
            if (previous != null) {
                throw new IllegalArgumentException("label '" + labels.get(i) + "' appears twice in the dictionary"
                        + " (entries " + previous + " and " + i + ")");
            }
        }
    }

    /** Features per row. */
    public int featureLength() {
        return layout.length();
    }

    /** Index of a label in the dictionary. */
    public Optional<Integer> labelIndex(String label) {
        int i = labels.indexOf(label);
        return i < 0 ? Optional.empty() : Optional.of(i);
    }
}
