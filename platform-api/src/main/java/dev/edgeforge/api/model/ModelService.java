package dev.edgeforge.api.model;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.storage.ObjectInfo;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.training.ModelArtifactKeys;
import dev.edgeforge.jobs.training.ModelKind;
import dev.edgeforge.jobs.training.Predictions;
import dev.edgeforge.jobs.training.TrainJobPayload;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A project's models: list, details, rename, delete, the {@code .tflite} files and the per-window test predictions.
 * Reads are plain reads of the {@code model} rows, which {@link ModelJobOutcomes} keeps up to date with their jobs.
 * Other features (deployment, compression) find a model's files through {@link #requireReady}.
 */
@Service
public class ModelService {

    private static final Logger log = LoggerFactory.getLogger(ModelService.class);

    private final ProjectAccess access;
    private final ModelRepository models;
    private final ModelFiles files;
    private final ObjectStore store;
    private final JobQueue queue;
    private final Clock clock;

    ModelService(
            ProjectAccess access,
            ModelRepository models,
            ModelFiles files,
            ObjectStore store,
            JobQueue queue,
            Clock clock) {
        this.access = access;
        this.models = models;
        this.files = files;
        this.store = store;
        this.queue = queue;
        this.clock = clock;
    }

    public List<ModelListItem> list(UUID projectId) {
        access.requireRole(projectId, ProjectRole.VIEWER);
        return models.list(projectId).stream().map(ModelViews::listItem).toList();
    }

    public ModelView get(UUID projectId, UUID modelId) {
        return ModelViews.view(find(projectId, modelId, ProjectRole.VIEWER));
    }

    public ModelView update(UUID projectId, UUID modelId, UpdateModelRequest request) {
        ModelRecord model = find(projectId, modelId, ProjectRole.MEMBER);
        if (request == null) {
            throw new ValidationViolation("body", "send the fields to change, e.g. {\"name\": \"Gestures v2\"}");
        }
        if (request.name() != null) {
            String name = request.name().trim();
            if (name.isEmpty() || name.length() > 200) {
                throw new ValidationViolation("name", "must be 1 to 200 characters");
            }
            models.rename(projectId, modelId, name, clock.instant());
        }
        if (request.anomalyThreshold() != null) {
            double threshold = request.anomalyThreshold();
            if (model.kind() != ModelKind.ANOMALY) {
                throw new ValidationViolation("anomalyThreshold", "only anomaly models have an anomaly threshold");
            }
            if (!Double.isFinite(threshold)) {
                throw new ValidationViolation("anomalyThreshold", "must be a finite number");
            }
            if (!model.isReady()) {
                throw new ModelNotReadyViolation(model.name(), model.state());
            }
            // the test figures follow the threshold: recomputed from the stored test scores
            Predictions predictions = model.artifacts().predictions() == null
                    ? null
                    : files.json(model.artifacts().predictions(), Predictions.class);
            models.setAnomalyThreshold(
                    projectId,
                    modelId,
                    threshold,
                    AnomalyRescoring.metricsAt(model.evaluation().metrics(), predictions, threshold),
                    clock.instant());
        }
        return get(projectId, modelId);
    }

    /**
     * Deletes the model and its files; a model still training has its job cancelled first. The row goes before the
     * files, so no row ever points at a deleted file (files a cancelled job still writes are garbage for the sweeper).
     */
    public void delete(UUID projectId, UUID modelId) {
        ModelRecord model = find(projectId, modelId, ProjectRole.MEMBER);
        if (model.state() == ModelState.TRAINING && model.status().trainJobId() != null) {
            queue.find(model.status().trainJobId())
                    .filter(job -> !job.state().isTerminal())
                    .ifPresent(job -> queue.requestCancel(job.id()));
        }
        models.delete(projectId, modelId);
        String prefix = ModelArtifactKeys.modelPrefix(projectId, modelId);
        try {
            List<String> keys;
            try (Stream<ObjectInfo> objects = store.list(prefix)) {
                keys = objects.map(ObjectInfo::key).toList();
            }
            keys.forEach(store::delete);
        } catch (RuntimeException e) {
            log.warn("Model {} deleted, but removing its files under {} failed: {}", modelId, prefix, e.toString());
        }
    }

    /** A model file to download. */
    public record TfliteFile(String fileName, byte[] bytes) {}

    public TfliteFile tflite(UUID projectId, UUID modelId, String variant) {
        ModelRecord model = find(projectId, modelId, ProjectRole.VIEWER);
        String wanted = variant == null ? "int8" : variant.trim().toLowerCase(Locale.ROOT);
        if (!wanted.equals("int8") && !wanted.equals("float32")) {
            throw new ValidationViolation("variant", "must be int8 or float32, got '" + variant + "'");
        }
        if (!model.isReady()) {
            throw new ModelNotReadyViolation(model.name(), model.state());
        }
        String key = wanted.equals("int8")
                ? model.artifacts().int8()
                : model.artifacts().float32();
        if (key == null) {
            throw new ModelVariantUnavailableViolation("The model '" + model.name() + "' has no " + wanted
                    + " file"
                    + (wanted.equals("int8") && model.files().int8UnavailableReason() != null
                            ? ": " + model.files().int8UnavailableReason()
                            : "; download the other variant."));
        }
        return new TfliteFile(fileName(model.name()) + "-" + wanted + ".tflite", files.bytes(key));
    }

    /**
     * The test windows' predictions at {@code threshold} (classification: the uncertain threshold, default the
     * model's; anomaly: the anomaly threshold, default the model's).
     */
    public PredictionsView predictions(UUID projectId, UUID modelId, Double threshold) {
        ModelRecord model = find(projectId, modelId, ProjectRole.VIEWER);
        if (threshold != null && !validThreshold(model.kind(), threshold)) {
            throw new ValidationViolation(
                    "threshold",
                    model.kind() == ModelKind.CLASSIFICATION
                            ? "must be between 0 and 1"
                            : model.kind() == ModelKind.ANOMALY ? "must be a finite number" : "must be at least 0");
        }
        if (model.artifacts().predictions() == null) {
            return new PredictionsView(
                    modelId,
                    model.kind().value(),
                    model.labels(),
                    threshold == null ? 0 : threshold,
                    0,
                    null,
                    null,
                    List.of());
        }
        Predictions predictions = files.json(model.artifacts().predictions(), Predictions.class);
        double used = threshold != null
                ? threshold
                : model.kind() == ModelKind.ANOMALY
                        ? orElse(model.evaluation().anomalyThreshold(), 0)
                        : orElse(model.evaluation().uncertainThreshold(), TrainJobPayload.DEFAULT_UNCERTAIN_THRESHOLD);
        return ModelPredictions.view(modelId, predictions, used);
    }

    /**
     * A model that can be used (deployed, compressed, classified with), for other features.
     *
     * @throws ModelNotFoundException  when the project has no such model
     * @throws ModelNotReadyViolation  when it is not ready
     */
    public ReadyModel requireReady(UUID projectId, UUID modelId) {
        ModelRecord model = find(projectId, modelId, ProjectRole.VIEWER);
        if (!model.isReady()) {
            throw new ModelNotReadyViolation(model.name(), model.state());
        }
        return new ReadyModel(
                model.id(),
                model.name(),
                model.kind(),
                model.labels(),
                model.lineage().impulseVersion(),
                model.artifacts(),
                model.evaluation().anomalyThreshold());
    }

    ModelRecord find(UUID projectId, UUID modelId, ProjectRole role) {
        access.requireRole(projectId, role);
        return models.find(projectId, modelId).orElseThrow(() -> new ModelNotFoundException(modelId));
    }

    /**
     * Whether {@code threshold} can be a threshold of a model of {@code kind}: a probability for classification, any
     * finite score for anomaly models (a Gaussian mixture's scores can be negative), a finite number of at least 0
     * otherwise.
     */
    static boolean validThreshold(ModelKind kind, double threshold) {
        return switch (kind) {
            case CLASSIFICATION -> threshold >= 0 && threshold <= 1;
            case ANOMALY -> Double.isFinite(threshold);
            case REGRESSION -> threshold >= 0 && Double.isFinite(threshold);
        };
    }

    private static double orElse(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    /** A name usable as a file name: letters, digits, dot, dash and underscore. */
    static String fileName(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "model" : cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }
}
