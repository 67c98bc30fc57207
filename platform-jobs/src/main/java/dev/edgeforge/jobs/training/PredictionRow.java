package dev.edgeforge.jobs.training;

/**
 * A model's output for one test window.
 *
 * @param sampleId      the sample the window belongs to
 * @param windowIndex   the window's position in the sample
 * @param windowStartMs where the window starts
 * @param label         the sample's label (for regression the actual value as text)
 * @param float32       float32 outputs: class probabilities, regression values, or {@code [score]} for anomaly
 * @param int8          the int8 graph's (dequantized) outputs, or {@code null} without an int8 variant
 */
public record PredictionRow(
        String sampleId, int windowIndex, double windowStartMs, String label, float[] float32, float[] int8) {}
