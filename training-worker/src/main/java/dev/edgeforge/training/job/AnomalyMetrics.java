package dev.edgeforge.training.job;

import dev.edgeforge.core.learning.anomaly.AnomalyEvaluation;
import java.util.List;

/**
 * The figures of an anomaly model (K-means or Gaussian mixture).
 *
 * @param model               what was trained, e.g. "K-means, 32 clusters"
 * @param threshold           scores above it are anomalies; starts at {@link #DEFAULT_QUANTILE} of the training
 *                            windows' scores, the user may change it (the server then recomputes {@code test})
 * @param clusters            clusters found (K-means), else {@code null}
 * @param components          Gaussian components (Gaussian mixture), else {@code null}
 * @param normalLabels        the labels learnt as normal; test windows with any other label are the known anomalies
 * @param trainingWindows     windows learnt
 * @param trainingScoreMedian the median score of the training windows (a scale for the threshold)
 * @param test                AUCs, confusion at the threshold, ROC curve and histograms on the test set, or
 *                            {@code null} without a test set
 */
public record AnomalyMetrics(
        String model,
        double threshold,
        Integer clusters,
        Integer components,
        List<String> normalLabels,
        int trainingWindows,
        double trainingScoreMedian,
        AnomalyEvaluation test) {

    /** The starting threshold calls this share of the training windows normal. */
    public static final double DEFAULT_QUANTILE = 0.99;
}
