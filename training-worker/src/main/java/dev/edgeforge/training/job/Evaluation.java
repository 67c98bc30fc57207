package dev.edgeforge.training.job;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a model did on one set of windows (validation or test), float32 and int8 side by side.
 *
 * @param windows       windows evaluated
 * @param float32       the float32 model's report ({@code ClassificationReport} or {@code RegressionReport}); for
 *                      validation the network as trained (DJL), for test the float32 TFLite graph
 * @param int8          the int8 graph's report, or {@code null} when the model has no int8 variant
 * @param int8Agreement classification: the share of windows where the int8 graph predicts the class the float32
 *                      model predicts (uncertain threshold 0); {@code null} otherwise
 * @param skippedWindows test windows left out because their label is not one of the model's classes (they still
 *                      appear in the predictions)
 * @param unknownLabels  classification: the labels of those windows, "not a class of this model" (a label only the
 *                      test set has), with their window counts, sorted by label; empty otherwise
 * @param <R>           the report type
 */
public record Evaluation<R>(
        int windows, R float32, R int8, Double int8Agreement, int skippedWindows, Map<String, Integer> unknownLabels) {

    public Evaluation {
        unknownLabels = Collections.unmodifiableMap(new TreeMap<>(unknownLabels));
    }

    /** An evaluation in which every window's label is one the model knows (validation). */
    Evaluation(int windows, R float32, R int8, Double int8Agreement) {
        this(windows, float32, int8, int8Agreement, 0, Map.of());
    }
}
