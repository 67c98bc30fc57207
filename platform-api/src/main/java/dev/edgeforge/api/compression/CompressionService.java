package dev.edgeforge.api.compression;

import dev.edgeforge.api.job.JobStatus;
import dev.edgeforge.api.problem.FieldProblem;
import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.core.learning.LayerProblem;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.job.NewJob;
import dev.edgeforge.infra.storage.ObjectNotFoundException;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.compress.CompressJobPayload;
import dev.edgeforge.jobs.compress.CompressJobResult;
import dev.edgeforge.jobs.compress.CompressionOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compression of a project's models: starts {@code compress} jobs, shows a model's latest compression report, serves
 * the variants' {@code .tflite} files and records the variant chosen for deployment.
 *
 * <p>A compression is a job of the training worker ({@link CompressJobPayload}); its result holds the report and the
 * object keys of every variant ({@link CompressJobResult}). Each job has a {@code model_compression_job} row, written
 * with the job in one transaction and kept up to date from the job's events ({@link CompressionJobOutcomes}); reads
 * are plain reads of those rows.
 */
@Service
public class CompressionService {

    /** Reads user input strictly: a misspelt setting is an error, not a silently skipped stage. */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ProjectAccess access;
    private final CompressibleModelSource models;
    private final CompressionRepository compressions;
    private final JobQueue queue;
    private final ObjectStore store;
    private final DataSource dataSource;
    private final Clock clock;

    CompressionService(
            ProjectAccess access,
            CompressibleModelSource models,
            CompressionRepository compressions,
            JobQueue queue,
            ObjectStore store,
            DataSource dataSource,
            Clock clock) {
        this.access = access;
        this.models = models;
        this.compressions = compressions;
        this.queue = queue;
        this.store = store;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Checks the request and the model, then enqueues the compress job. */
    @Transactional
    public CompressionStarted start(UUID projectId, JsonNode body) {
        access.requireRole(projectId, ProjectRole.MEMBER);
        CompressRequest request = read(body);
        if (request.modelId() == null) {
            throw new ValidationViolation("modelId", "is required: the model to compress");
        }
        CompressibleModel model = requireModel(projectId, request.modelId());
        model.incompressibleReason().ifPresent(reason -> {
            throw new ModelNotCompressibleViolation(reason);
        });
        if (!model.isReady()) {
            throw new ModelNotReadyForCompressionViolation(model.name(), model.state());
        }
        CompressionOptions options = request.options();
        List<FieldProblem> problems = problems(options, model);
        if (!problems.isEmpty()) {
            throw new ValidationViolation(
                    "The compression settings are not valid: " + problems.get(0).field() + ": "
                            + problems.get(0).message()
                            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)." : "."),
                    problems);
        }
        for (String key : new String[] {model.networkKey(), model.trainingFeaturesKey()}) {
            if (!store.exists(key)) {
                throw new ModelNotCompressibleViolation("The files the model '" + model.name() + "' was trained from "
                        + "are gone (" + key + "); train it again to compress it.");
            }
        }
        compressions.lockModel(model.id());
        Optional<CompressionRun> running = compressions.open(projectId, model.id());
        if (running.isPresent()) {
            throw new CompressionRunningViolation(model.name(), running.get().jobId());
        }
        // a test set that was swept since training only costs the report its accuracies
        String testing = model.testingFeaturesKey() != null && store.exists(model.testingFeaturesKey())
                ? model.testingFeaturesKey()
                : null;
        CompressJobPayload payload = new CompressJobPayload(
                model.id(),
                model.networkKey(),
                model.learningBlock(),
                model.hyperparameters(),
                model.trainingFeaturesKey(),
                testing,
                model.featureKind(),
                model.inputShape(),
                options);
        UUID jobId = enqueue(NewJob.of(CompressJobPayload.TYPE, projectId, JobJson.write(payload)));
        compressions.insertJob(jobId, projectId, model.id(), options, clock.instant());
        return new CompressionStarted(jobId, model.id());
    }

    /** The model's compression: latest job, latest report, chosen variant. */
    @Transactional(readOnly = true)
    public CompressionView view(UUID projectId, UUID modelId) {
        access.requireRole(projectId, ProjectRole.VIEWER);
        CompressibleModel model = requireModel(projectId, modelId);
        List<CompressionRun> runs = compressions.runs(projectId, modelId);
        Optional<CompressionRun> running =
                runs.stream().filter(run -> !run.state().isTerminal()).findFirst();
        String reason = model.incompressibleReason()
                .or(() -> model.isReady()
                        ? Optional.empty()
                        : Optional.of("The model is " + model.state() + ", not ready."))
                .or(() -> running.map(run -> "A compression is " + run.state() + " (job " + run.jobId() + ")."))
                .orElse(null);
        CompressionView.JobSummary latest = runs.isEmpty() ? null : CompressionView.JobSummary.of(runs.get(0));
        CompressionView.Result result = runs.stream()
                .map(this::finished)
                .flatMap(Optional::stream)
                .findFirst()
                .map(done -> result(projectId, modelId, done))
                .orElse(null);
        return new CompressionView(
                model.id(),
                model.name(),
                model.state(),
                reason == null,
                reason,
                model.labels(),
                model.learningBlock() == null
                        ? List.of()
                        : model.learningBlock().layers(),
                model.hyperparameters() == null ? null : model.hyperparameters().epochs(),
                latest,
                result,
                compressions
                        .choice(projectId, modelId)
                        .map(CompressionView.ChosenVariantView::of)
                        .orElse(null));
    }

    /** The project's models with their compression state, for the Compression page. */
    @Transactional(readOnly = true)
    public List<ModelCompressionItem> overview(UUID projectId) {
        access.requireRole(projectId, ProjectRole.VIEWER);
        List<ModelCompressionItem> items = new ArrayList<>();
        Map<UUID, JobStatus> latestStates = compressions.latestStates(projectId);
        for (CompressibleModel model : models.list(projectId)) {
            items.add(new ModelCompressionItem(
                    model.id(),
                    model.name(),
                    model.kind(),
                    model.state(),
                    model.incompressibleReason().isEmpty(),
                    latestStates.get(model.id()),
                    compressions
                            .choice(projectId, model.id())
                            .map(ChosenVariant::variant)
                            .orElse(null),
                    model.createdAt()));
        }
        return items;
    }

    /** A variant's {@code .tflite} file, from the report of {@code jobId} or else the latest one. */
    @Transactional(readOnly = true)
    public VariantFile tflite(UUID projectId, UUID modelId, String variant, UUID jobId) {
        access.requireRole(projectId, ProjectRole.VIEWER);
        CompressibleModel model = requireModel(projectId, modelId);
        FinishedCompression done = requireFinished(projectId, modelId, jobId);
        String key = variantKey(done, variant);
        byte[] bytes;
        try (InputStream in = store.get(key)) {
            bytes = in.readAllBytes();
        } catch (ObjectNotFoundException e) {
            throw new CompressionReportNotFoundException("The file of variant '" + variant + "' is gone from the "
                    + "object store; compress the model again.");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + key, e);
        }
        return new VariantFile(fileName(model.name(), variant), bytes);
    }

    /** Records the variant to deploy; it must be a variant of a finished compression of the model. */
    @Transactional
    public CompressionView.ChosenVariantView choose(UUID projectId, UUID modelId, DeployVariantRequest request) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.MEMBER);
        if (request == null || request.variant() == null || request.variant().isBlank()) {
            throw new ValidationViolation(
                    "variant", "is required: the name of a variant in the compression report, " + "e.g. int8");
        }
        requireModel(projectId, modelId);
        FinishedCompression done = requireFinished(projectId, modelId, request.jobId());
        String key = variantKey(done, request.variant());
        ChosenVariant choice = new ChosenVariant(
                modelId,
                request.variant(),
                done.run().jobId(),
                done.result().reportKey(),
                key,
                grant.userId().orElse(null),
                clock.instant());
        compressions.saveChoice(choice, projectId);
        return CompressionView.ChosenVariantView.of(choice);
    }

    /** A file to download. */
    public record VariantFile(String fileName, byte[] bytes) {}

    /** A succeeded compress job with its result. */
    record FinishedCompression(CompressionRun run, CompressJobResult result) {}

    private CompressRequest read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ValidationViolation("body", "must be a JSON object with modelId and the compression stages");
        }
        try {
            return STRICT.treeToValue(body, CompressRequest.class);
        } catch (DatabindException e) {
            throw new ValidationViolation(path(e), e.getOriginalMessage());
        }
    }

    private static String path(DatabindException e) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static List<FieldProblem> problems(CompressionOptions options, CompressibleModel model) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!options.hasStage()) {
            problems.add(new FieldProblem(
                    "body", "choose at least one of magnitudePruning, structuredPruning and " + "distillation"));
        }
        for (String problem : options.problems()) {
            // every problem starts with the field's path (see CompressionOptions#problems)
            int space = problem.indexOf(' ');
            problems.add(new FieldProblem(problem.substring(0, space), problem.substring(space + 1)));
        }
        if (options.distillation() != null
                && options.distillation().studentLayers() != null
                && options.distillation().problems().isEmpty()) {
            LearningBlock student = options.distillation().student();
            int hidden = student.layers().size();
            for (LayerProblem problem :
                    student.problems(model.inputShape(), model.labels().size())) {
                String field = "distillation.studentLayers"
                        + (problem.layerIndex() >= 0 && problem.layerIndex() < hidden
                                ? "[" + problem.layerIndex() + "]"
                                : "");
                problems.add(new FieldProblem(field, problem.toString()));
            }
        }
        return problems;
    }

    private CompressibleModel requireModel(UUID projectId, UUID modelId) {
        return models.find(projectId, modelId).orElseThrow(() -> new CompressionModelNotFoundException(modelId));
    }

    private Optional<FinishedCompression> finished(CompressionRun run) {
        if (run.state() != JobStatus.SUCCEEDED || run.resultJson() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FinishedCompression(
                    run, JobJson.mapper().readValue(run.resultJson(), CompressJobResult.class)));
        } catch (JacksonException e) {
            // a result this server cannot read (written by an incompatible worker) is no report
            return Optional.empty();
        }
    }

    private FinishedCompression requireFinished(UUID projectId, UUID modelId, UUID jobId) {
        if (jobId != null) {
            CompressionRun run = compressions
                    .run(jobId, projectId, modelId)
                    .orElseThrow(() -> new CompressionReportNotFoundException(
                            "Job " + jobId + " is no compression of this model."));
            return finished(run)
                    .orElseThrow(() -> new CompressionReportNotFoundException(
                            "The compression job " + jobId + " has not succeeded, so " + "it has no report."));
        }
        return compressions.runs(projectId, modelId).stream()
                .map(this::finished)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new CompressionReportNotFoundException("The model has no finished compression "
                        + "yet; start one with POST /api/v1/projects/" + projectId + "/jobs/compress."));
    }

    private static String variantKey(FinishedCompression done, String variant) {
        String key = done.result().variantKeys().get(variant);
        if (key == null) {
            throw new VariantNotFoundException(
                    variant, List.copyOf(done.result().variantKeys().keySet()));
        }
        return key;
    }

    private CompressionView.Result result(UUID projectId, UUID modelId, FinishedCompression done) {
        Map<String, String> downloads = new LinkedHashMap<>();
        for (String variant : done.result().variantKeys().keySet()) {
            downloads.put(
                    variant,
                    "/api/v1/projects/" + projectId + "/models/" + modelId + "/variants/" + variant + "/tflite?jobId="
                            + done.run().jobId());
        }
        return new CompressionView.Result(
                done.run().jobId(),
                done.run().finishedAt(),
                done.run().options(),
                done.result().reportKey(),
                downloads,
                done.result().report());
    }

    private UUID enqueue(NewJob job) {
        // the job and its model_compression_job row commit together
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return queue.enqueue(connection, job);
        } catch (SQLException e) {
            throw new IllegalStateException("enqueueing the compress job failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static String fileName(String modelName, String variant) {
        String base =
                modelName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return (base.isEmpty() ? "model" : base) + "-" + variant + ".tflite";
    }
}
