package dev.edgeforge.api.feature;

import java.util.List;
import java.util.UUID;

/**
 * The feature explorer's 2D view of an impulse version's features: the first two principal components of the
 * standardised features (each feature scaled to zero mean and unit variance, so no feature dominates by its unit).
 *
 * @param impulseVersion         the impulse version
 * @param jobId                  the feature generation job whose feature set is shown
 * @param totalWindows           windows in the feature set
 * @param fittedWindows          windows the projection was fitted to (every n-th when the set is large)
 * @param shownWindows           points returned
 * @param sampled                whether points were left out (shownWindows &lt; totalWindows)
 * @param explainedVarianceRatio share of the (standardised) variance along x and y
 * @param labels                 every label of the feature set, sorted: the legend
 * @param points                 the points
 */
public record ExplorerView(
        int impulseVersion,
        UUID jobId,
        long totalWindows,
        int fittedWindows,
        int shownWindows,
        boolean sampled,
        double[] explainedVarianceRatio,
        List<String> labels,
        List<Point> points) {

    /**
     * One window.
     *
     * @param x             first component
     * @param y             second component
     * @param label         its sample's label
     * @param sampleId      its sample: clicking opens {@code /projects/{p}/data/samples/{sampleId}?window={index}}
     * @param windowIndex   the window's index in the sample
     * @param windowStartMs where the window starts in the sample
     */
    public record Point(float x, float y, String label, String sampleId, int windowIndex, double windowStartMs) {}
}
