package dev.edgeforge.core.learning;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings of a Gaussian mixture anomaly detection block (diagonal covariances, fitted with EM).
 *
 * @param componentCount number of Gaussian components
 * @param maxIterations  upper bound on EM iterations; training stops earlier when the log-likelihood stops improving
 * @param standardize    whether each feature is scaled to zero mean and unit variance (from the training data) first
 */
public record GmmSettings(int componentCount, int maxIterations, boolean standardize) {

    /** 8 components, at most 200 iterations, standardized features (chosen on the wafer recordings, see DESIGN.md). */
    public static GmmSettings defaults() {
        return new GmmSettings(8, 200, true);
    }

    /** Problems with the settings, each naming the field; empty when they are fine. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (componentCount < 1 || componentCount > 256) {
            problems.add("gmm.componentCount must be between 1 and 256, got " + componentCount);
        }
        if (maxIterations < 1 || maxIterations > 10_000) {
            problems.add("gmm.maxIterations must be between 1 and 10000, got " + maxIterations);
        }
        return problems;
    }
}
