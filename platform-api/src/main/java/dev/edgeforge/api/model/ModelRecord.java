package dev.edgeforge.api.model;

import dev.edgeforge.jobs.training.ModelArtifacts;
import dev.edgeforge.jobs.training.ModelKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A row of {@code model} (migration V6), in the parts that change together: who the model is, where it is in its
 * life, what it was made from, what it takes and answers, how well it does, and its files. JSON columns are kept as
 * trees: they are stored and shown, and typed only where they are used (the learning block when a test job is
 * enqueued, the labels everywhere).
 */
record ModelRecord(
        Identity identity, Status status, Lineage lineage, Signature signature, Evaluation evaluation, Files files) {

    ModelRecord {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lineage, "lineage");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(files, "files");
    }

    /** Who the model is; fixed when it is made (but for the name, which people change). */
    record Identity(
            UUID id,
            UUID projectId,
            String name,
            ModelKind kind,
            ModelSource source,
            Instant createdAt,
            Instant updatedAt) {}

    /**
     * Where the model is in its life.
     *
     * @param state            training until its train job ends, then ready, failed or cancelled
     * @param error            why training failed, else {@code null}
     * @param trainJobId       the train job ({@code null} for an imported model)
     * @param pendingTestJobId a test job whose outcome the row does not have yet
     * @param testError        why the last test job gave no evaluation
     * @param trainedAt        when it became ready
     */
    record Status(
            ModelState state,
            String error,
            UUID trainJobId,
            UUID pendingTestJobId,
            String testError,
            Instant trainedAt) {

        static Status training(UUID trainJobId) {
            return new Status(ModelState.TRAINING, null, trainJobId, null, null, null);
        }

        static Status imported(Instant at) {
            return new Status(ModelState.READY, null, null, null, null, at);
        }
    }

    /**
     * What the model was made from, so it can be made again; an imported model knows at most its impulse version.
     *
     * @param featureKind         the JSON name of the features' {@code FeatureKind}
     * @param trainingFeaturesKey object key of the training {@code FeatureSet}
     * @param testingFeaturesKey  object key of the test {@code FeatureSet} last evaluated
     */
    record Lineage(
            Integer impulseVersion,
            Integer datasetVersion,
            JsonNode learningBlock,
            JsonNode hyperparameters,
            Long seed,
            String featureKind,
            String trainingFeaturesKey,
            String testingFeaturesKey) {

        static Lineage imported(Integer impulseVersion) {
            return new Lineage(impulseVersion, null, null, null, null, null, null, null);
        }
    }

    /**
     * What the model takes and answers.
     *
     * @param inputShape one window's features, e.g. {@code [33]}
     * @param labels     class names (or target names) in output order; the training labels for anomaly models
     */
    record Signature(JsonNode inputShape, List<String> labels) {
        Signature {
            labels = labels == null ? List.of() : List.copyOf(labels);
        }
    }

    /**
     * How well the model does, and at which thresholds.
     *
     * @param metrics            validation and test metrics (float32 and int8)
     * @param history            per-epoch loss and accuracy
     * @param summary            headline numbers for lists
     * @param uncertainThreshold the classification threshold its metrics use
     * @param anomalyThreshold   the anomaly threshold (anomaly models)
     */
    record Evaluation(
            JsonNode metrics, JsonNode history, JsonNode summary, Double uncertainThreshold, Double anomalyThreshold) {

        /** Nothing measured yet. */
        static Evaluation none(Double uncertainThreshold) {
            return new Evaluation(null, null, null, uncertainThreshold, null);
        }
    }

    /**
     * The model's files: their object keys (each set only once the object exists) and the size figures per
     * {@code .tflite} variant ({@code null} when there is no such variant).
     */
    record Files(ModelArtifacts keys, JsonNode float32Size, JsonNode int8Size, String int8UnavailableReason) {
        Files {
            Objects.requireNonNull(keys, "keys");
        }

        static Files none() {
            return new Files(new ModelArtifacts(null, null, null, null, null, null), null, null, null);
        }
    }

    UUID id() {
        return identity.id();
    }

    UUID projectId() {
        return identity.projectId();
    }

    String name() {
        return identity.name();
    }

    ModelKind kind() {
        return identity.kind();
    }

    ModelState state() {
        return status.state();
    }

    List<String> labels() {
        return signature.labels();
    }

    ModelArtifacts artifacts() {
        return files.keys();
    }

    boolean isReady() {
        return status.state() == ModelState.READY;
    }
}
