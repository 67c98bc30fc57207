package dev.edgeforge.api.model;

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
 * @param accuracy      share of rows whose prediction is right (rows with an unknown label left out); {@code null}
 *                      for regression
 * @param int8Accuracy  the same for the int8 outputs, when there are any
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
        List<Row> rows) {

    /**
     * @param predicted     class name, {@code uncertain}, the predicted value, or {@code anomaly}/{@code normal}
     * @param int8Predicted the int8 model's prediction, or {@code null}
     * @param scores        float32 outputs (or int8 when the model has no float32 file)
     * @param int8Scores    int8 outputs, or {@code null}
     * @param uncertain     classification: the best score is below the threshold
     * @param correct       whether the prediction matches the label; {@code null} when it cannot be said
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
