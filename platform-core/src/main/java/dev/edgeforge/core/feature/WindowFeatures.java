package dev.edgeforge.core.feature;

import java.util.Arrays;
import java.util.Objects;

/**
 * The features of one window of a sample, before a sample id and label are attached (see {@link FeatureRow}).
 *
 * <p>The array is not copied: feature sets hold hundreds of thousands of rows, so callers treat it as read-only.
 * {@code equals} and {@code hashCode} compare the contents.
 *
 * @param windowIndex   position of the window among the sample's windows, from 0
 * @param windowStartMs where the window starts in the sample, in ms (0 for images)
 * @param features      the concatenated features of every processing block, in block order
 */
public record WindowFeatures(int windowIndex, double windowStartMs, float[] features) {

    public WindowFeatures {
        Objects.requireNonNull(features, "features");
        if (windowIndex < 0) {
            throw new IllegalArgumentException("window index " + windowIndex + " is negative");
        }
        if (!Double.isFinite(windowStartMs) || windowStartMs < 0) {
            throw new IllegalArgumentException("window start " + windowStartMs + " ms is not a finite time >= 0");
        }
    }

    /** This window as a row of a feature set. */
    public FeatureRow toRow(String sampleId, String label) {
        return new FeatureRow(sampleId, windowIndex, windowStartMs, label, features);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WindowFeatures w
                && w.windowIndex == windowIndex
                && Double.compare(w.windowStartMs, windowStartMs) == 0
                && Arrays.equals(w.features, features);
    }

    @Override
    public int hashCode() {
        return Objects.hash(windowIndex, windowStartMs, Arrays.hashCode(features));
    }

    @Override
    public String toString() {
        return "WindowFeatures[windowIndex=" + windowIndex + ", windowStartMs=" + windowStartMs + ", features="
                + features.length + " values]";
    }
}
