package dev.edgeforge.api.model;

import tools.jackson.databind.JsonNode;

/** Turns model rows into what the API shows. */
final class ModelViews {

    private ModelViews() {}

    static ModelView view(ModelRecord m) {
        ModelRecord.Lineage lineage = m.lineage();
        ModelRecord.Evaluation evaluation = m.evaluation();
        ModelRecord.Status status = m.status();
        return new ModelView(
                m.id(),
                m.projectId(),
                m.name(),
                m.kind().value(),
                m.state(),
                m.identity().source().value(),
                status.error(),
                m.labels(),
                m.signature().inputShape(),
                lineage.featureKind(),
                evaluation.uncertainThreshold(),
                evaluation.anomalyThreshold(),
                evaluation.metrics(),
                evaluation.history(),
                evaluation.summary(),
                new ModelView.Sizes(m.files().float32Size(), m.files().int8Size()),
                new ModelView.Variants(
                        m.isReady() && m.artifacts().float32() != null,
                        m.isReady() && m.artifacts().int8() != null,
                        m.files().int8UnavailableReason()),
                new ModelView.Lineage(
                        m.identity().source().value(),
                        lineage.impulseVersion(),
                        lineage.datasetVersion(),
                        lineage.learningBlock(),
                        lineage.hyperparameters(),
                        lineage.seed(),
                        lineage.trainingFeaturesKey(),
                        lineage.testingFeaturesKey(),
                        status.trainJobId()),
                status.trainJobId(),
                status.pendingTestJobId(),
                status.testError(),
                m.identity().createdAt(),
                m.identity().updatedAt(),
                status.trainedAt());
    }

    static ModelListItem listItem(ModelRecord m) {
        return new ModelListItem(
                m.id(),
                m.name(),
                m.kind().value(),
                m.state(),
                m.identity().source().value(),
                m.status().error(),
                m.lineage().impulseVersion(),
                m.evaluation().summary(),
                fileBytes(m.files().float32Size()),
                fileBytes(m.files().int8Size()),
                m.status().trainJobId(),
                m.identity().createdAt(),
                m.status().trainedAt());
    }

    private static Long fileBytes(JsonNode size) {
        return size == null || !size.path("fileBytes").isNumber()
                ? null
                : size.path("fileBytes").asLong();
    }

    /** Elements of a shape stored as a JSON array, e.g. 33 for {@code [33]}; 0 when unknown. */
    static int elementCount(JsonNode shape) {
        if (shape == null || !shape.isArray() || shape.isEmpty()) {
            return 0;
        }
        long count = 1;
        for (JsonNode dim : shape) {
            count *= dim.asLong();
        }
        return count > Integer.MAX_VALUE ? 0 : (int) count;
    }
}
