package dev.edgeforge.core.format.labels;

import java.util.Objects;

/**
 * One label of a multi-label sample, for a time range in milliseconds.
 *
 * @param label      the label
 * @param startIndex start, milliseconds from the sample's start, &ge; 0
 * @param endIndex   end, &gt; start
 */
public record LabelRange(String label, long startIndex, long endIndex) {

    public LabelRange {
        Objects.requireNonNull(label, "label");
        if (startIndex < 0 || endIndex <= startIndex) {
            throw new IllegalArgumentException(
                    "label range '" + label + "' [" + startIndex + ", " + endIndex + ") is empty or negative");
        }
    }
}
