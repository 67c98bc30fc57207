package dev.edgeforge.api.deploy;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A model as deployment needs it. Object keys point into the object store; the int8 .tflite is what compiled C runs.
 *
 * @param modelId        the model's id
 * @param name           what people call it (bundle file names, the firmware's banner)
 * @param labels         class labels in output order; empty for models without classes (e.g. anomaly detection)
 * @param int8ModelKey   object key of the int8 .tflite ({@code projects/{p}/models/{m}/model-int8.tflite})
 * @param float32ModelKey object key of the float32 .tflite, or {@code null}
 * @param impulseVersion the impulse version the model was trained on, or {@code null} for a model fed features
 *                       directly (e.g. an imported .tflite)
 * @param impulseJson    that impulse as {@code ImpulseJson} writes it, or {@code null}
 * @param testWindowsKey object key of its test windows, or {@code null}: a feature set file (the test split's
 *                       features, {@code core.feature.FeatureSet}) or the JSON of
 *                       {@code dev.edgeforge.firmware.job.TestWindowFile}
 * @param anomaly        the anomaly model (then {@code int8ModelKey} is {@code null}), or {@code null} for a network
 */
public record DeployableModel(
        UUID modelId,
        String name,
        List<String> labels,
        String int8ModelKey,
        String float32ModelKey,
        Integer impulseVersion,
        String impulseJson,
        String testWindowsKey,
        Anomaly anomaly) {

    public DeployableModel {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(name, "name");
        if (anomaly == null) {
            Objects.requireNonNull(int8ModelKey, "int8ModelKey");
        }
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** A network's deployable model. */
    public DeployableModel(
            UUID modelId,
            String name,
            List<String> labels,
            String int8ModelKey,
            String float32ModelKey,
            Integer impulseVersion,
            String impulseJson,
            String testWindowsKey) {
        this(modelId, name, labels, int8ModelKey, float32ModelKey, impulseVersion, impulseJson, testWindowsKey, null);
    }

    /**
     * An anomaly model as the firmware compiles it: its stored JSON and the threshold saved with it.
     *
     * @param modelKey  object key of the {@code AnomalyModel} JSON
     * @param threshold a score above it is an anomaly
     */
    public record Anomaly(String modelKey, double threshold) {

        public Anomaly {
            Objects.requireNonNull(modelKey, "modelKey");
        }
    }

    /** This model with another int8 file to compile: one of its compressed variants (issue #17). */
    public DeployableModel withInt8ModelKey(String key) {
        return new DeployableModel(
                modelId, name, labels, key, float32ModelKey, impulseVersion, impulseJson, testWindowsKey, anomaly);
    }

    /** Whether this is an anomaly model (K-means or Gaussian mixture), which has no network. */
    public boolean isAnomaly() {
        return anomaly != null;
    }
}
