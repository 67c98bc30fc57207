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
 */
public record DeployableModel(
        UUID modelId,
        String name,
        List<String> labels,
        String int8ModelKey,
        String float32ModelKey,
        Integer impulseVersion,
        String impulseJson,
        String testWindowsKey) {

    public DeployableModel {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(int8ModelKey, "int8ModelKey");
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
