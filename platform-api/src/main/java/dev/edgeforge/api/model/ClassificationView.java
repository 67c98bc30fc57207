package dev.edgeforge.api.model;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Live classification of one sample ({@code POST .../models/{modelId}/classify}): the model run on every window of the
 * sample, float32 and int8 side by side.
 *
 * @param sample      the sample id, or the uploaded file's name
 * @param label       the sample's label, when known
 * @param kind        classification, regression or anomaly
 * @param outputNames class names, target names, or {@code ["score"]}
 * @param threshold   the uncertain threshold (classification) or anomaly threshold used
 * @param windows     one result per window
 * @param counts      classification: windows per predicted class (float32, {@code uncertain} included); anomaly:
 *                    windows called {@code anomaly} and {@code normal}
 */
public record ClassificationView(
        UUID modelId,
        String sample,
        String label,
        String kind,
        List<String> outputNames,
        double threshold,
        List<Window> windows,
        Map<String, Integer> counts) {

    /**
     * @param float32          float32 outputs, or {@code null} when the model has no float32 file
     * @param float32Predicted the float32 prediction
     * @param int8             int8 (dequantized) outputs, or {@code null}
     * @param int8Predicted    the int8 prediction
     */
    public record Window(
            int windowIndex,
            double windowStartMs,
            float[] float32,
            String float32Predicted,
            float[] int8,
            String int8Predicted) {}
}
