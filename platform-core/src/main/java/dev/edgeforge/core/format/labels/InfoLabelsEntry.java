package dev.edgeforge.core.format.labels;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One file of an {@code info.labels}.
 *
 * @param path           the file's path, relative to the {@code info.labels}
 * @param name           the sample's name, when it differs from the file name
 * @param category       {@code training}, {@code testing}, {@code anomaly} or {@code split}
 * @param label          the label, when given
 * @param metadata       free-form key/value pairs
 * @param boundingBoxes  objects in an image
 * @param enabled        whether the sample takes part in training and testing, when given ({@code "enabled"}; a
 *                       sample is enabled unless it says {@code false})
 */
public record InfoLabelsEntry(
        String path,
        Optional<String> name,
        String category,
        Optional<SampleLabel> label,
        Map<String, String> metadata,
        List<BoundingBox> boundingBoxes,
        Optional<Boolean> enabled) {

    /** The categories a sample can be put in; {@code split} lets the server choose training or testing. */
    public static final Set<String> CATEGORIES = Set.of("training", "testing", "anomaly", "split");

    public InfoLabelsEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(label, "label");
        if (path.isBlank()) {
            throw new IllegalArgumentException("path is blank");
        }
        if (!CATEGORIES.contains(category)) {
            throw new IllegalArgumentException("category '" + category + "' is not one of " + CATEGORIES);
        }
        metadata = Map.copyOf(metadata);
        boundingBoxes = List.copyOf(boundingBoxes);
        Objects.requireNonNull(enabled, "enabled");
    }

    /** An entry that says nothing of the enabled state. */
    public InfoLabelsEntry(
            String path,
            Optional<String> name,
            String category,
            Optional<SampleLabel> label,
            Map<String, String> metadata,
            List<BoundingBox> boundingBoxes) {
        this(path, name, category, label, metadata, boundingBoxes, Optional.empty());
    }
}
