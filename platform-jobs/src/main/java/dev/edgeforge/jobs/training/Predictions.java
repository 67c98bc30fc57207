package dev.edgeforge.jobs.training;

import java.util.List;

/**
 * The content of {@code predictions.json}: the model's outputs for every test window, from which the model testing
 * page recomputes results at any uncertain threshold.
 *
 * @param kind        what the outputs mean
 * @param outputNames class names (classification), target names (regression) or {@code ["score"]} (anomaly)
 * @param labels      for anomaly models: the training labels (a test window with another label is an anomaly)
 * @param anomalyThreshold for anomaly models: the threshold when the predictions were made
 * @param rows        one per test window, in test-set order
 */
public record Predictions(
        ModelKind kind,
        List<String> outputNames,
        List<String> labels,
        Double anomalyThreshold,
        List<PredictionRow> rows) {

    public Predictions {
        outputNames = List.copyOf(outputNames);
        labels = labels == null ? List.of() : List.copyOf(labels);
        rows = List.copyOf(rows);
    }
}
