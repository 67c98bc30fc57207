package dev.edgeforge.api.model;

import dev.edgeforge.jobs.training.ModelArtifacts;
import dev.edgeforge.jobs.training.ModelKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A row of {@code model} (migration V6). JSON columns are kept as trees: they are stored and shown, and typed only
 * where they are used (the learning block when a test job is enqueued, the labels everywhere).
 */
record ModelRecord(
        UUID id,
        UUID projectId,
        String name,
        ModelKind kind,
        ModelState state,
        ModelSource source,
        String error,
        Integer impulseVersion,
        Integer datasetVersion,
        JsonNode learningBlock,
        JsonNode hyperparameters,
        Long seed,
        String featureKind,
        JsonNode inputShape,
        List<String> labels,
        String trainingFeaturesKey,
        String testingFeaturesKey,
        Double uncertainThreshold,
        Double anomalyThreshold,
        JsonNode metrics,
        JsonNode history,
        JsonNode summary,
        JsonNode float32Size,
        JsonNode int8Size,
        String int8UnavailableReason,
        ModelArtifacts artifacts,
        UUID trainJobId,
        UUID pendingTestJobId,
        String testError,
        Instant createdAt,
        Instant updatedAt,
        Instant trainedAt) {

    ModelRecord {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    boolean isReady() {
        return state == ModelState.READY;
    }
}
