package dev.edgeforge.api.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A model as {@code GET .../models/{modelId}} shows it.
 *
 * @param id                  the model's id
 * @param name                its name
 * @param kind                classification, regression or anomaly
 * @param state               training, ready, failed or cancelled
 * @param source              trained or imported
 * @param error               why training failed, else {@code null}
 * @param labels              class names (or target names) in output order; training labels for anomaly
 * @param inputShape          one window's features
 * @param featureKind         flat, time_series, spectrogram or image
 * @param uncertainThreshold  the classification threshold its metrics use
 * @param anomalyThreshold    the anomaly threshold (anomaly models)
 * @param metrics             validation and test metrics, float32 and int8 (accuracy, per-class precision, recall,
 *                            F1, confusion matrix; MAE/RMSE; AUC); {@code null} until trained
 * @param history             per-epoch loss and accuracy
 * @param summary             headline numbers
 * @param sizes               float32 and int8: file bytes, parameters, weight bytes, MACs, activation RAM
 * @param variants            which {@code .tflite} variants can be downloaded
 * @param lineage             where it came from
 * @param trainJobId          the train job ({@code /api/v1/jobs/{id}})
 * @param pendingTestJobId    a test job whose results are not in yet
 * @param testError           why the last test job failed
 */
public record ModelView(
        UUID id,
        UUID projectId,
        String name,
        String kind,
        ModelState state,
        String source,
        String error,
        List<String> labels,
        JsonNode inputShape,
        String featureKind,
        Double uncertainThreshold,
        Double anomalyThreshold,
        JsonNode metrics,
        JsonNode history,
        JsonNode summary,
        Sizes sizes,
        Variants variants,
        Lineage lineage,
        UUID trainJobId,
        UUID pendingTestJobId,
        String testError,
        Instant createdAt,
        Instant updatedAt,
        Instant trainedAt) {

    /** Size figures per variant ({@code null} when the variant does not exist). */
    public record Sizes(JsonNode float32, JsonNode int8) {}

    /**
     * @param float32               a float32 {@code .tflite} exists
     * @param int8                  an int8 {@code .tflite} exists (deployable as is)
     * @param int8UnavailableReason why there is no int8 file
     */
    public record Variants(boolean float32, boolean int8, String int8UnavailableReason) {}

    /**
     * What the model was made from, so it can be made again.
     *
     * @param impulseVersion   impulse version of the features
     * @param datasetVersion   dataset version, when versioned
     * @param learningBlock    the architecture
     * @param hyperparameters  how it was trained
     * @param seed             the seed (same seed and data give the same metrics)
     * @param trainingFeatures object key of the training features
     * @param testingFeatures  object key of the test features last evaluated
     */
    public record Lineage(
            String source,
            Integer impulseVersion,
            Integer datasetVersion,
            JsonNode learningBlock,
            JsonNode hyperparameters,
            Long seed,
            String trainingFeatures,
            String testingFeatures,
            UUID trainJobId) {}
}
