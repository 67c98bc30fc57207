package dev.edgeforge.api.model;

import dev.edgeforge.api.job.JobEnded;
import dev.edgeforge.api.job.JobFailed;
import dev.edgeforge.api.job.JobSucceeded;
import dev.edgeforge.infra.storage.ObjectNotFoundException;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.training.ModelKind;
import dev.edgeforge.jobs.training.Predictions;
import dev.edgeforge.jobs.training.TestJobPayload;
import dev.edgeforge.jobs.training.TestJobResult;
import dev.edgeforge.jobs.training.TrainJobPayload;
import dev.edgeforge.jobs.training.TrainJobResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies the end of a model's jobs to its row: the workers only write the queue and the object store, and the server
 * publishes every job that ended as a {@link JobEnded} event. A succeeded train job's result (after checking that every
 * file it names exists) makes the model ready, a failed one records the job's error, a cancelled one marks it
 * cancelled; a finished test job replaces the test metrics and predictions.
 *
 * <p>Every update is conditional on the row still waiting for that job (state {@code training} with that train job,
 * or that pending test job), so an event applied twice — or by two servers at once — changes the row once.
 */
class ModelJobOutcomes {

    private static final Logger log = LoggerFactory.getLogger(ModelJobOutcomes.class);
    private static final JsonMapper JSON = JobJson.mapper();

    private final ModelRepository models;
    private final ObjectStore store;
    private final Clock clock;

    ModelJobOutcomes(ModelRepository models, ObjectStore store, Clock clock) {
        this.models = models;
        this.store = store;
        this.clock = clock;
    }

    @EventListener
    void on(JobEnded ended) {
        apply(ended);
    }

    /** Applies a train or test job's end to the model waiting for it; answers whether a row changed. */
    boolean apply(JobEnded ended) {
        if (TrainJobPayload.TYPE.equals(ended.type())) {
            return models.waitingForTraining(ended.jobId())
                    .map(modelId -> applyTraining(modelId, ended))
                    .orElse(false);
        }
        if (TestJobPayload.TYPE.equals(ended.type())) {
            return models.waitingForTest(ended.jobId())
                    .map(waiting -> applyTest(waiting, ended))
                    .orElse(false);
        }
        return false;
    }

    private boolean applyTraining(UUID modelId, JobEnded ended) {
        Instant now = clock.instant();
        if (ended instanceof JobSucceeded succeeded) {
            String problem;
            try {
                return models.markTrained(modelId, ended.jobId(), trained(succeeded.result()), now);
            } catch (ArtifactProblem e) {
                problem = e.getMessage();
            }
            log.warn(
                    "Training job {} of model {} succeeded but cannot be applied: {}", ended.jobId(), modelId, problem);
            return models.markEnded(modelId, ended.jobId(), ModelState.FAILED, problem, now);
        }
        if (ended instanceof JobFailed failed) {
            return models.markEnded(
                    modelId,
                    ended.jobId(),
                    ModelState.FAILED,
                    failed.error() == null ? "Training failed." : failed.error(),
                    now);
        }
        return models.markEnded(modelId, ended.jobId(), ModelState.CANCELLED, "Training was cancelled.", now);
    }

    private ModelRepository.Trained trained(String resultJson) {
        TrainJobResult result = parse(resultJson, TrainJobResult.class);
        for (String key : result.artifacts().keys()) {
            if (!store.exists(key)) {
                throw new ArtifactProblem("the model file " + key + " is missing; train the model again.");
            }
        }
        JsonNode metrics = readJson(result.artifacts().metrics());
        JsonNode history = metrics.path("history");
        if (metrics instanceof ObjectNode object) {
            object.remove("history");
        }
        return new ModelRepository.Trained(
                new ModelRecord.Signature(JSON.valueToTree(result.inputShape()), result.labels()),
                metrics,
                history.isMissingNode() ? null : history,
                JSON.valueToTree(result.summary()),
                result.anomalyThreshold(),
                new ModelRecord.Files(
                        result.artifacts(),
                        result.float32() == null ? null : JSON.valueToTree(result.float32()),
                        result.int8() == null ? null : JSON.valueToTree(result.int8()),
                        result.int8UnavailableReason()));
    }

    private boolean applyTest(ModelRepository.Waiting waiting, JobEnded ended) {
        Instant now = clock.instant();
        if (ended instanceof JobSucceeded succeeded) {
            try {
                TestJobResult result = parse(succeeded.result(), TestJobResult.class);
                JsonNode evaluation = readJson(result.testMetrics());
                if (!store.exists(result.predictions())) {
                    throw new ArtifactProblem("the predictions file " + result.predictions() + " is missing");
                }
                Optional<ModelRecord> model = models.find(waiting.projectId(), waiting.modelId());
                if (model.isEmpty()) {
                    return false;
                }
                ModelRecord.Evaluation current = model.get().evaluation();
                ObjectNode metrics = current.metrics() instanceof ObjectNode existing
                        ? existing.deepCopy()
                        : JSON.createObjectNode();
                Double threshold = null;
                if (model.get().kind() == ModelKind.ANOMALY) {
                    ObjectNode anomaly =
                            metrics.path("anomaly") instanceof ObjectNode a ? a : metrics.putObject("anomaly");
                    Double saved = current.anomalyThreshold();
                    // the threshold may have been saved while the job ran: the figures follow the row's threshold
                    anomaly.set(
                            "test",
                            saved == null || evaluation.path("threshold").asDouble() == saved
                                    ? evaluation
                                    : JSON.valueToTree(AnomalyRescoring.evaluationAt(
                                            JSON.treeToValue(readJson(result.predictions()), Predictions.class),
                                            saved)));
                } else {
                    metrics.set("test", evaluation);
                    JsonNode used = evaluation.path("float32").path("uncertainThreshold");
                    if (used.isNumber()) {
                        threshold = used.asDouble();
                        metrics.put("uncertainThreshold", threshold);
                    }
                }
                JsonNode summary = mergeSummary(current.summary(), JSON.valueToTree(result.summary()));
                return models.applyTest(
                        waiting.modelId(),
                        ended.jobId(),
                        metrics,
                        summary,
                        result.predictions(),
                        result.testFeatures(),
                        threshold,
                        now);
            } catch (ArtifactProblem e) {
                return models.failTest(
                        waiting.modelId(),
                        ended.jobId(),
                        "The test job's result cannot be used: " + e.getMessage(),
                        now);
            }
        }
        String error = ended instanceof JobFailed failed
                ? (failed.error() == null ? "The test failed." : failed.error())
                : "The test was cancelled.";
        return models.failTest(waiting.modelId(), ended.jobId(), error, now);
    }

    /** The test numbers of a test job over the row's summary, keeping its validation numbers. */
    private static JsonNode mergeSummary(JsonNode existing, JsonNode test) {
        ObjectNode merged = existing instanceof ObjectNode object ? object.deepCopy() : JSON.createObjectNode();
        for (String field : List.of(
                "testAccuracy",
                "int8TestAccuracy",
                "int8Agreement",
                "testRmse",
                "testAuc",
                "testUncertainRate",
                "testSampleAccuracy")) {
            merged.set(field, test.path(field).isMissingNode() ? JSON.nullNode() : test.get(field));
        }
        return merged;
    }

    private <T> T parse(String json, Class<T> type) {
        if (json == null) {
            throw new ArtifactProblem("the job left no result");
        }
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException e) {
            throw new ArtifactProblem("the job's result is not readable (" + e.getOriginalMessage() + ")");
        }
    }

    private JsonNode readJson(String key) {
        try (InputStream in = store.get(key)) {
            return JSON.readTree(in);
        } catch (ObjectNotFoundException e) {
            throw new ArtifactProblem("the file " + key + " is missing");
        } catch (JacksonException e) {
            throw new ArtifactProblem("the file " + key + " is not readable JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A finished job whose output cannot be applied (a file missing or unreadable). */
    private static final class ArtifactProblem extends RuntimeException {
        ArtifactProblem(String message) {
            super(message);
        }
    }
}
