package dev.edgeforge.api.model;

import dev.edgeforge.infra.job.Job;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.job.JobState;
import dev.edgeforge.infra.storage.ObjectNotFoundException;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.training.ModelKind;
import dev.edgeforge.jobs.training.TestJobResult;
import dev.edgeforge.jobs.training.TrainJobResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings model rows up to date with their jobs: the workers only write the queue and the object store, so the
 * server applies a finished job to its model — a succeeded train job's result (after checking that every file it
 * names exists) makes the model ready, a failed one records the job's error, a cancelled one marks it cancelled; a
 * finished test job replaces the test metrics and predictions. Every update is conditional on the row still waiting
 * for that job, so running this twice or on two servers at once is harmless.
 *
 * <p>It runs every second ({@link ModelReconcileSchedule}) and before every read of a project's models, so a model
 * is ready on the API as soon as its job is.
 */
class ModelJobReconciler {

    private static final Logger log = LoggerFactory.getLogger(ModelJobReconciler.class);
    private static final JsonMapper JSON = JobJson.mapper();

    private final ModelRepository models;
    private final JobQueue queue;
    private final ObjectStore store;
    private final Clock clock;

    ModelJobReconciler(ModelRepository models, JobQueue queue, ObjectStore store, Clock clock) {
        this.models = models;
        this.queue = queue;
        this.store = store;
        this.clock = clock;
    }

    /** Applies every finished job; answers how many models changed. */
    int reconcileAll() {
        return reconcile(null);
    }

    /** Applies the finished jobs of one project's models ({@code null}: all projects). */
    int reconcile(UUID projectId) {
        int changed = 0;
        for (ModelRepository.Waiting waiting : models.training(projectId)) {
            changed += applyTraining(waiting) ? 1 : 0;
        }
        for (ModelRepository.Waiting waiting : models.pendingTests(projectId)) {
            changed += applyTest(waiting) ? 1 : 0;
        }
        return changed;
    }

    private boolean applyTraining(ModelRepository.Waiting waiting) {
        Optional<Job> found = queue.find(waiting.jobId());
        if (found.isEmpty()) {
            return models.markEnded(
                    waiting.modelId(),
                    waiting.jobId(),
                    ModelState.FAILED,
                    "The training job no longer exists; train the model again.",
                    clock.instant());
        }
        Job job = found.get();
        if (job.state() == JobState.SUCCEEDED) {
            String problem;
            try {
                return models.markTrained(waiting.modelId(), job.id(), trained(job), clock.instant());
            } catch (ArtifactProblem e) {
                problem = e.getMessage();
            }
            log.warn(
                    "Training job {} of model {} succeeded but cannot be applied: {}",
                    job.id(),
                    waiting.modelId(),
                    problem);
            return models.markEnded(waiting.modelId(), job.id(), ModelState.FAILED, problem, clock.instant());
        }
        if (job.state() == JobState.FAILED) {
            return models.markEnded(
                    waiting.modelId(),
                    job.id(),
                    ModelState.FAILED,
                    job.error() == null ? "Training failed." : job.error(),
                    clock.instant());
        }
        if (job.state() == JobState.CANCELLED) {
            return models.markEnded(
                    waiting.modelId(), job.id(), ModelState.CANCELLED, "Training was cancelled.", clock.instant());
        }
        return false;
    }

    private ModelRepository.Trained trained(Job job) {
        TrainJobResult result = parse(job.result(), TrainJobResult.class);
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
                result.labels(),
                JSON.valueToTree(result.inputShape()),
                metrics,
                history.isMissingNode() ? null : history,
                JSON.valueToTree(result.summary()),
                result.float32() == null ? null : JSON.valueToTree(result.float32()),
                result.int8() == null ? null : JSON.valueToTree(result.int8()),
                result.int8UnavailableReason(),
                result.anomalyThreshold(),
                result.artifacts());
    }

    private boolean applyTest(ModelRepository.Waiting waiting) {
        Optional<Job> found = queue.find(waiting.jobId());
        if (found.isEmpty()) {
            return models.failTest(
                    waiting.modelId(), waiting.jobId(), "The test job no longer exists.", clock.instant());
        }
        Job job = found.get();
        if (job.state() == JobState.SUCCEEDED) {
            try {
                TestJobResult result = parse(job.result(), TestJobResult.class);
                JsonNode evaluation = readJson(result.testMetrics());
                if (!store.exists(result.predictions())) {
                    throw new ArtifactProblem("the predictions file " + result.predictions() + " is missing");
                }
                Optional<ModelRecord> model = models.find(waiting.projectId(), waiting.modelId());
                if (model.isEmpty()) {
                    return false;
                }
                ObjectNode metrics = model.get().metrics() instanceof ObjectNode existing
                        ? existing.deepCopy()
                        : JSON.createObjectNode();
                Double threshold = null;
                if (model.get().kind() == ModelKind.ANOMALY) {
                    ObjectNode anomaly =
                            metrics.path("anomaly") instanceof ObjectNode a ? a : metrics.putObject("anomaly");
                    anomaly.set("test", evaluation);
                } else {
                    metrics.set("test", evaluation);
                    JsonNode used = evaluation.path("float32").path("uncertainThreshold");
                    if (used.isNumber()) {
                        threshold = used.asDouble();
                        metrics.put("uncertainThreshold", threshold);
                    }
                }
                JsonNode summary = mergeSummary(model.get().summary(), JSON.valueToTree(result.summary()));
                return models.applyTest(
                        waiting.modelId(),
                        job.id(),
                        metrics,
                        summary,
                        result.predictions(),
                        result.testFeatures(),
                        threshold,
                        clock.instant());
            } catch (ArtifactProblem e) {
                return models.failTest(
                        waiting.modelId(),
                        job.id(),
                        "The test job's result cannot be used: " + e.getMessage(),
                        clock.instant());
            }
        }
        if (job.state() == JobState.FAILED || job.state() == JobState.CANCELLED) {
            return models.failTest(
                    waiting.modelId(),
                    job.id(),
                    job.state() == JobState.CANCELLED ? "The test was cancelled." : job.error(),
                    clock.instant());
        }
        return false;
    }

    /** The test numbers of a test job over the row's summary, keeping its validation numbers. */
    private static JsonNode mergeSummary(JsonNode existing, JsonNode test) {
        ObjectNode merged = existing instanceof ObjectNode object ? object.deepCopy() : JSON.createObjectNode();
        for (String field : List.of("testAccuracy", "int8TestAccuracy", "int8Agreement", "testRmse", "testAuc")) {
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
