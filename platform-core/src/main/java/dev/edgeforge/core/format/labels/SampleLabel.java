package dev.edgeforge.core.format.labels;

import java.util.List;
import java.util.Objects;

/** The {@code label} of an {@code info.labels} entry: none, one label, or labels per time range. */
public sealed interface SampleLabel {

    /** {@code {"type": "unlabeled"}}. */
    record Unlabeled() implements SampleLabel {}

    /** {@code {"type": "label", "label": …}}. */
    record Single(String label) implements SampleLabel {
        public Single {
            Objects.requireNonNull(label, "label");
        }
    }

    /** {@code {"type": "multi-label", "labels": [{label, startIndex, endIndex}, …]}}. */
    record Multi(List<LabelRange> labels) implements SampleLabel {
        public Multi {
            labels = List.copyOf(labels);
        }
    }
}
