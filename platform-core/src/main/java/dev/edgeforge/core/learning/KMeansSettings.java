package dev.edgeforge.core.learning;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings of a K-means anomaly detection block.
 *
 * @param clusterCount  number of clusters (k)
 * @param maxIterations upper bound on Lloyd iterations; training stops earlier when no assignment changes
 * @param standardize   whether each feature is scaled to zero mean and unit variance (from the training data) before
 *                      clustering, so that features with large ranges do not dominate the distance
 */
public record KMeansSettings(int clusterCount, int maxIterations, boolean standardize) {

    /** 32 clusters, at most 300 iterations, standardized features. */
    public static KMeansSettings defaults() {
        return new KMeansSettings(32, 300, true);
    }

    /** Problems with the settings, each naming the field; empty when they are fine. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (clusterCount < 1 || clusterCount > 1024) {
            problems.add("kmeans.clusterCount must be between 1 and 1024, got " + clusterCount);
        }
        if (maxIterations < 1 || maxIterations > 100_000) {
            problems.add("kmeans.maxIterations must be between 1 and 100000, got " + maxIterations);
        }
        return problems;
    }
}
