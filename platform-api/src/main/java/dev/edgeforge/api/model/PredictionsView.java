package dev.edgeforge.api.model;

import dev.edgeforge.core.learning.eval.ClassificationReport;
import java.util.List;
import java.util.UUID;

/**
 * The model testing table ({@code GET .../models/{modelId}/predictions?threshold=}): every test window with its
 * prediction at the threshold asked for.
 *
 * @param kind          classification, regression or anomaly
 * @param outputNames   class names, target names, or {@code ["score"]}
 * @param threshold     classification: the uncertain threshold; anomaly: the anomaly threshold; regression: unused
 * @param windows       rows
 * @param accuracy      classification: top-1 accuracy (the threshold does not change it); anomaly: share of rows
 *                      whose prediction is right; rows whose label is not a class of the model left out; {@code null}
 *                      for regression
 * @param int8Accuracy  classification: the int8 outputs' top-1 accuracy, when every counted row has them
 * @param report        classification: the full figures at this threshold (uncertain rate, accuracy of the
 *                      confident windows, per-sample vote, macro F1, confusion matrix); {@code null} otherwise
 * @param rows          one per test window
 */
public record PredictionsView(
        UUID modelId,
        String kind,
        List<String> outputNames,
        double threshold,
        int windows,
        Double accuracy,
        Double int8Accuracy,
        ClassificationReport report,
        List<Row> rows) {

    /**
     * @param predicted     the top-1 class name (whether uncertain or not: see {@code uncertain}), the predicted
     *                      value, or {@code anomaly}/{@code normal}
     * @param int8Predicted the int8 model's prediction (its top-1 class), or {@code null}
     * @param scores        float32 outputs (or int8 when the model has no float32 file)
     * @param int8Scores    int8 outputs, or {@code null}
     * @param uncertain     classification: the top score is below the threshold (the top-1 class still counts)
     * @param correct       whether the (top-1) prediction matches the label; {@code null} when it cannot be said
     */
    public record Row(
            String sampleId,
            int windowIndex,
            double windowStartMs,
            String label,
            String predicted,
            String int8Predicted,
            float[] scores,
            float[] int8Scores,
            boolean uncertain,
            Boolean correct) {}
}
