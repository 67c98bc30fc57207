package dev.edgeforge.core.feature;

/**
 * One window in the feature explorer: where it lands in the 2D view and what to open when it is clicked.
 *
 * @param sampleId      the sample the window comes from
 * @param windowIndex   the window's index in the sample
 * @param windowStartMs where the window starts in the sample, in ms
 * @param label         the sample's label (the point's colour)
 * @param x             first principal component
 * @param y             second principal component
 */
public record ExplorerPoint(String sampleId, int windowIndex, double windowStartMs, String label, float x, float y) {}
