package dev.edgeforge.core.feature;

import java.util.Arrays;
import java.util.Objects;

/**
 * One row of a feature set: the features of one window of one sample, with the sample's id and label. Training
 * reads these rows; the feature explorer plots them and opens {@code sampleId} at {@code windowStartMs} on a click.
 *
 * <p>The features array is not copied (see {@link WindowFeatures}); {@code equals} compares contents.
 *
 * @param sampleId      the sample the window was cut from, non-blank
 * @param windowIndex   position of the window among the sample's windows, from 0
 * @param windowStartMs start of the window in the sample, in ms (0 for images)
 * @param label         the sample's label, non-null
 * @param features      the concatenated features of every processing block, in block order
 */
public record FeatureRow(String sampleId, int windowIndex, double windowStartMs, String label, float[] features) {

    public FeatureRow {
        Objects.requireNonNull(sampleId, "sampleId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(features, "features");
        if (sampleId.isBlank()) {
            throw new IllegalArgumentException("sample id is blank");
        }
        if (windowIndex < 0) {
            throw new IllegalArgumentException("window index " + windowIndex + " is negative");
        }
        if (!Double.isFinite(windowStartMs) || windowStartMs < 0) {
            throw new IllegalArgumentException("window start " + windowStartMs + " ms is not a finite time >= 0");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureRow r
                && r.sampleId.equals(sampleId)
                && r.windowIndex == windowIndex
                && Double.compare(r.windowStartMs, windowStartMs) == 0
                && r.label.equals(label)
                && Arrays.equals(r.features, features);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sampleId, windowIndex, windowStartMs, label, Arrays.hashCode(features));
    }

    @Override
    public String toString() {
        return "FeatureRow[sampleId=" + sampleId + ", windowIndex=" + windowIndex + ", windowStartMs=" + windowStartMs
                + ", label=" + label + ", features=" + features.length + " values]";
    }
}
