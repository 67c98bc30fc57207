package dev.edgeforge.api.model;

import tools.jackson.databind.JsonNode;

/** Turns model rows into what the API shows. */
final class ModelViews {

    private ModelViews() {}

    static ModelView view(ModelRecord m) {
        return new ModelView(
                m.id(),
                m.projectId(),
                m.name(),
                m.kind().value(),
                m.state().value(),
                m.source().value(),
                m.error(),
                m.labels(),
                m.inputShape(),
                m.featureKind(),
                m.uncertainThreshold(),
                m.anomalyThreshold(),
                m.metrics(),
                m.history(),
                m.summary(),
                new ModelView.Sizes(m.float32Size(), m.int8Size()),
                new ModelView.Variants(
                        m.isReady() && m.artifacts().float32() != null,
                        m.isReady() && m.artifacts().int8() != null,
                        m.int8UnavailableReason()),
                new ModelView.Lineage(
                        m.source().value(),
                        m.impulseVersion(),
                        m.datasetVersion(),
                        m.learningBlock(),
                        m.hyperparameters(),
                        m.seed(),
                        m.trainingFeaturesKey(),
                        m.testingFeaturesKey(),
                        m.trainJobId()),
                m.trainJobId(),
                m.pendingTestJobId(),
                m.testError(),
                m.createdAt(),
                m.updatedAt(),
                m.trainedAt());
    }

    static ModelListItem listItem(ModelRecord m) {
        return new ModelListItem(
                m.id(),
                m.name(),
                m.kind().value(),
                m.state().value(),
                m.source().value(),
                m.error(),
                m.impulseVersion(),
                m.summary(),
                fileBytes(m.float32Size()),
                fileBytes(m.int8Size()),
                m.trainJobId(),
                m.createdAt(),
                m.trainedAt());
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
