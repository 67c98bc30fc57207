package dev.edgeforge.jobs.training;

import java.util.ArrayList;
import java.util.List;

/**
 * The object keys of a model's files; a file the model does not have is {@code null} (a K-means model has no
 * network, an int8 import no float32 file, a model without a test set no predictions).
 *
 * @param network     the trained float32 network ({@code TrainedNetwork} as JSON)
 * @param float32     the float32 {@code .tflite}
 * @param int8        the int8 {@code .tflite}
 * @param kmeans      the anomaly model ({@code AnomalyModel} as JSON: K-means or Gaussian mixture, named by its
 *                    {@code type}; the name is older than the Gaussian mixture)
 * @param metrics     {@code metrics.json} ({@link ModelMetrics})
 * @param predictions the per-window test predictions ({@link Predictions})
 */
public record ModelArtifacts(
        String network, String float32, String int8, String kmeans, String metrics, String predictions) {

    /** Every key that is set. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (String key : new String[] {network, float32, int8, kmeans, metrics, predictions}) {
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    public ModelArtifacts withPredictions(String key) {
        return new ModelArtifacts(network, float32, int8, kmeans, metrics, key);
    }
}
