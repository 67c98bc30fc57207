package dev.edgeforge.training.job;

import dev.edgeforge.core.learning.anomaly.AnomalyEvaluation;

/**
 * The figures of a K-means anomaly model.
 *
 * @param threshold             scores above it are anomalies; starts at {@link #DEFAULT_QUANTILE} of the training
 *                              windows' scores, the user may change it
 * @param clusters              clusters found
 * @param trainingWindows       windows clustered
 * @param trainingScoreMedian   the median score of the training windows (a scale for the threshold)
 * @param test                  AUC and confusion at the threshold on the test set (test windows whose label is not
 *                              a training label are the anomalies), or {@code null} without a test set
 */
public record AnomalyMetrics(
        double threshold, int clusters, int trainingWindows, double trainingScoreMedian, AnomalyEvaluation test) {

    /** The starting threshold calls this share of the training windows normal. */
    public static final double DEFAULT_QUANTILE = 0.99;
}
