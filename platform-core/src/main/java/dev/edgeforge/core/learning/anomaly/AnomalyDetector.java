package dev.edgeforge.core.learning.anomaly;

import java.util.Objects;

/**
 * An anomaly model with the user's threshold: a window whose score is above the threshold is an anomaly.
 *
 * @param model     the trained model
 * @param threshold scores above it are anomalies; any finite number (a Gaussian mixture's scores can be negative)
 */
public record AnomalyDetector(AnomalyModel model, double threshold) {

    public AnomalyDetector {
        Objects.requireNonNull(model, "model");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("the anomaly threshold must be a finite number, got " + threshold);
        }
    }

    /** The anomaly score of a window. */
    public double score(float[] features) {
        return model.score(features);
    }

    /** Whether the window's score is above the threshold. */
    public boolean isAnomaly(float[] features) {
        return model.score(features) > threshold;
    }

    /** The same model with another threshold. */
    public AnomalyDetector withThreshold(double newThreshold) {
        return new AnomalyDetector(model, newThreshold);
    }
}
