package dev.edgeforge.core.learning.anomaly;

import java.util.Objects;

/**
 * A K-means model with the user's threshold: a sample whose score is above the threshold is an anomaly.
 *
 * @param model     the clusters
 * @param threshold scores above it are anomalies; must be finite and not negative
 */
public record AnomalyDetector(KMeansModel model, double threshold) {

    public AnomalyDetector {
        Objects.requireNonNull(model, "model");
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException(
                    "the anomaly threshold must be a finite number of at least 0, got " + threshold);
        }
    }

    /** The anomaly score of a sample (distance to the nearest centroid). */
    public double score(float[] features) {
        return model.score(features);
    }

    /** Whether the sample's score is above the threshold. */
    public boolean isAnomaly(float[] features) {
        return model.score(features) > threshold;
    }

    /** The same model with another threshold. */
    public AnomalyDetector withThreshold(double newThreshold) {
        return new AnomalyDetector(model, newThreshold);
    }
}
