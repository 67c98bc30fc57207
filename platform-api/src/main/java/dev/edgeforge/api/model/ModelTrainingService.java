package dev.edgeforge.api.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.edgeforge.api.problem.FieldProblem;
import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.core.feature.FeatureSetHeader;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LayerProblem;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.job.NewJob;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.training.ModelKind;
import dev.edgeforge.jobs.training.TestJobPayload;
import dev.edgeforge.jobs.training.TrainJobPayload;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starts training and test jobs. A train request becomes a model row in state {@code training} and a {@code train}
 * job carrying everything the worker needs ({@link TrainJobPayload}), in one transaction; what is missing from the
 * request comes from the impulse's learning block settings, else from the defaults for the features. Everything the
 * server can check is checked before anything is stored: the layers against the feature shape (each problem names
 * its layer), the hyperparameters, the labels.
 */
@Service
public class ModelTrainingService {

    /** Reads user input strictly: a misspelt hyperparameter is an error, not a silent default. */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ProjectAccess access;
    private final ModelRepository models;
    private final JobQueue queue;
    private final DataSource dataSource;
    private final ObjectProvider<FeatureSetLocator> locator;
    private final ObjectProvider<ImpulseLookup> impulses;
    private final FeatureHeaders headers;
    private final Clock clock;

    ModelTrainingService(
            ProjectAccess access,
            ModelRepository models,
            JobQueue queue,
            DataSource dataSource,
            ObjectProvider<FeatureSetLocator> locator,
            ObjectProvider<ImpulseLookup> impulses,
            FeatureHeaders headers,
            Clock clock) {
        this.access = access;
        this.models = models;
        this.queue = queue;
        this.dataSource = dataSource;
        this.locator = locator;
        this.impulses = impulses;
        this.headers = headers;
        this.clock = clock;
    }

    /** Creates the model and enqueues its train job. */
    @Transactional
    public ModelJobStarted train(UUID projectId, TrainRequest request) {
        access.requireRole(projectId, ProjectRole.MEMBER);
        TrainRequest body = request == null ? new TrainRequest(null, null, null, null, null) : request;
        LocatedFeatures features =
                locate(projectId).orElseThrow(() -> FeaturesNotGeneratedViolation.forTraining(whyMissing(projectId)));
        FeatureSetHeader header = headers.read(features.trainingKey());
        ImpulseSettings impulse = impulseSettings(projectId, features);
        LearningBlock chosen = body.learningBlock() != null
                ? body.learningBlock()
                : impulse.learningBlock()
                        .orElseGet(() -> LearningBlock.defaultsFor(
                                LearningBlock.Kind.CLASSIFICATION, features.featureKind(), features.featureShape()));
        if (body.normalLabels() != null && !chosen.kind().isAnomaly()) {
            throw new ValidationViolation("normalLabels", "only anomaly blocks learn normal labels");
        }
        LearningBlock block = body.normalLabels() != null ? chosen.withNormalLabels(body.normalLabels()) : chosen;
        Hyperparameters hyperparameters = hyperparameters(
                body.hyperparameters() != null ? body.hyperparameters() : impulse.hyperparameters(),
                Hyperparameters.defaultsFor(features.featureKind(), features.featureShape()));
        List<FieldProblem> problems = new ArrayList<>();
        problems.addAll(blockProblems(block, features, header.labels()));
        if (block.kind().isAnomaly()) {
            // the dictionary holds every label of the training and test files: a label outside it has no data at all
            block.normalLabels().stream()
                    .filter(label -> label != null && !header.labels().contains(label))
                    .findFirst()
                    .ifPresent(label -> problems.add(new FieldProblem(
                            "learningBlock.normalLabels",
                            "'" + label + "' is not a label of the data; the labels are " + header.labels())));
        }
        if (block.kind().isNeural()) {
            hyperparameters.problems().forEach(p -> problems.add(new FieldProblem("hyperparameters", p)));
            if (hyperparameters.augmentation() != null) {
                hyperparameters
                        .augmentation()
                        .problemsFor(features.featureKind())
                        .forEach(p -> problems.add(new FieldProblem("hyperparameters.augmentation", p)));
            }
        }
        if (body.uncertainThreshold() != null && !(body.uncertainThreshold() >= 0 && body.uncertainThreshold() <= 1)) {
            problems.add(new FieldProblem("uncertainThreshold", "must be between 0 and 1"));
        }
        String name = body.name() == null || body.name().isBlank()
                ? capitalized(ModelKind.of(block.kind()).value()) + " " + NAME_TIME.format(clock.instant())
                : body.name().trim();
        if (name.length() > 200) {
            problems.add(new FieldProblem("name", "must be at most 200 characters"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationViolation(
                    "The training settings are not valid: " + problems.get(0).field() + ": "
                            + problems.get(0).message()
                            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)." : "."),
                    problems);
        }

        UUID modelId = UUID.randomUUID();
        TrainJobPayload payload = new TrainJobPayload(
                modelId,
                features.impulseVersion(),
                block,
                hyperparameters,
                features.trainingKey(),
                features.testingKey(),
                features.featureKind(),
                features.featureShape(),
                body.uncertainThreshold());
        UUID jobId = enqueue(NewJob.of(TrainJobPayload.TYPE, projectId, JobJson.write(payload)));
        Instant now = clock.instant();
        ModelKind kind = ModelKind.of(block.kind());
        models.insert(new ModelRecord(
                new ModelRecord.Identity(modelId, projectId, name, kind, ModelSource.TRAINED, now, now),
                ModelRecord.Status.training(jobId),
                new ModelRecord.Lineage(
                        features.impulseVersion(),
                        features.datasetVersion(),
                        JobJson.mapper().valueToTree(block),
                        JobJson.mapper().valueToTree(hyperparameters),
                        hyperparameters.seed(),
                        JobJson.mapper().valueToTree(features.featureKind()).asString(),
                        features.trainingKey(),
                        features.testingKey()),
                new ModelRecord.Signature(
                        JobJson.mapper().valueToTree(features.featureShape()),
                        labelsAtStart(kind, block, header.labels())),
                ModelRecord.Evaluation.none(kind == ModelKind.CLASSIFICATION ? payload.threshold() : null),
                ModelRecord.Files.none()));
        return new ModelJobStarted(jobId, modelId);
    }

    /** Enqueues a test job of a ready model on the project's current test features. */
    @Transactional
    public ModelJobStarted test(UUID projectId, TestRequest request) {
        access.requireRole(projectId, ProjectRole.MEMBER);
        if (request == null || request.modelId() == null) {
            throw new ValidationViolation("modelId", "is required: the model to test");
        }
        if (request.uncertainThreshold() != null
                && !(request.uncertainThreshold() >= 0 && request.uncertainThreshold() <= 1)) {
            throw new ValidationViolation("uncertainThreshold", "must be between 0 and 1");
        }
        ModelRecord model = models.find(projectId, request.modelId())
                .orElseThrow(() -> new ModelNotFoundException(request.modelId()));
        if (!model.isReady()) {
            throw new ModelNotReadyViolation(model.name(), model.state());
        }
        LocatedFeatures features =
                locate(projectId).orElseThrow(() -> FeaturesNotGeneratedViolation.forTesting(whyMissing(projectId)));
        if (features.testingKey() == null) {
            throw FeaturesNotGeneratedViolation.noTestSamples(projectId);
        }
        FeatureSetHeader header = headers.read(features.testingKey());
        int inputLength = ModelViews.elementCount(model.signature().inputShape());
        if (inputLength > 0 && inputLength != header.featureLength()) {
            throw new ModelCapabilityViolation("The model takes " + inputLength + " features per window, but the "
                    + "current test features have " + header.featureLength() + "; train a model on the current "
                    + "impulse.");
        }
        if (model.kind() != ModelKind.ANOMALY && model.labels().isEmpty()) {
            throw new ModelCapabilityViolation("The model '" + model.name() + "' has no output labels, so its "
                    + "outputs cannot be compared with the test labels.");
        }
        Double threshold = request.uncertainThreshold() != null
                ? request.uncertainThreshold()
                : model.evaluation().uncertainThreshold();
        TestJobPayload payload = new TestJobPayload(
                model.id(),
                model.kind(),
                model.labels(),
                features.testingKey(),
                model.artifacts(),
                model.kind() == ModelKind.CLASSIFICATION ? threshold : null,
                model.evaluation().anomalyThreshold());
        UUID jobId = enqueue(NewJob.of(TestJobPayload.TYPE, projectId, JobJson.write(payload)));
        models.setPendingTest(model.id(), jobId, clock.instant());
        return new ModelJobStarted(jobId, model.id());
    }

    /** What the training page starts from. */
    @Transactional(readOnly = true)
    public TrainingDefaults defaults(UUID projectId) {
        access.requireRole(projectId, ProjectRole.VIEWER);
        Optional<LocatedFeatures> located = locate(projectId);
        List<String> layerTypes = layerTypes();
        if (located.isEmpty()) {
            LearningBlock block =
                    LearningBlock.defaultsFor(LearningBlock.Kind.CLASSIFICATION, FeatureKind.FLAT, TensorShape.of(1));
            return new TrainingDefaults(
                    false,
                    FeaturesNotGeneratedViolation.forTraining(whyMissing(projectId))
                            .detail(),
                    null,
                    null,
                    null,
                    List.of(),
                    0,
                    0,
                    block,
                    List.of(),
                    Hyperparameters.defaults(),
                    layerTypes);
        }
        LocatedFeatures features = located.get();
        FeatureSetHeader training = headers.read(features.trainingKey());
        long testWindows = features.testingKey() == null
                ? 0
                : headers.read(features.testingKey()).rowCount();
        ImpulseSettings impulse = impulseSettings(projectId, features);
        List<LearningBlock> byKind = new ArrayList<>();
        for (LearningBlock.Kind kind : LearningBlock.Kind.values()) {
            byKind.add(LearningBlock.defaultsFor(kind, features.featureKind(), features.featureShape()));
        }
        LearningBlock block = impulse.learningBlock().orElse(byKind.get(0));
        Hyperparameters base = Hyperparameters.defaultsFor(features.featureKind(), features.featureShape());
        Hyperparameters hyperparameters;
        try {
            hyperparameters = hyperparameters(impulse.hyperparameters(), base);
        } catch (ValidationViolation e) {
            hyperparameters = base;
        }
        return new TrainingDefaults(
                true,
                null,
                features.impulseVersion(),
                features.featureKind(),
                features.featureShape(),
                training.labels(),
                training.rowCount(),
                testWindows,
                block,
                byKind,
                hyperparameters,
                layerTypes);
    }

    /** Checks a learning block against the project's current features. */
    @Transactional(readOnly = true)
    public ArchitectureCheck check(UUID projectId, LearningBlock block) {
        access.requireRole(projectId, ProjectRole.VIEWER);
        if (block == null) {
            throw new ValidationViolation("learningBlock", "is required");
        }
        LocatedFeatures features =
                locate(projectId).orElseThrow(() -> FeaturesNotGeneratedViolation.forTraining(whyMissing(projectId)));
        FeatureSetHeader header = headers.read(features.trainingKey());
        return ArchitectureChecker.check(block, features.featureShape(), outputCount(block, header.labels()));
    }

    private Optional<LocatedFeatures> locate(UUID projectId) {
        FeatureSetLocator port = locator.getIfAvailable();
        return port == null ? Optional.empty() : port.locate(projectId);
    }

    /**
     * The labels a model row shows while it trains: an anomaly model's normal labels when the user chose them, else
     * none until the worker says which labels it learnt (the dictionary also holds the test set's anomaly labels).
     */
    private static List<String> labelsAtStart(ModelKind kind, LearningBlock block, List<String> dictionary) {
        return switch (kind) {
            case REGRESSION -> List.of("value");
            case ANOMALY -> block.normalLabels();
            case CLASSIFICATION -> dictionary;
        };
    }

    private String whyMissing(UUID projectId) {
        FeatureSetLocator port = locator.getIfAvailable();
        return port == null
                ? "This server generates no features; start them with POST /api/v1/projects/" + projectId
                        + "/jobs/features."
                : port.whyMissing(projectId);
    }

    private static int outputCount(LearningBlock block, List<String> labels) {
        return block.kind() == LearningBlock.Kind.REGRESSION ? 1 : labels.size();
    }

    private static List<FieldProblem> blockProblems(
            LearningBlock block, LocatedFeatures features, List<String> labels) {
        List<FieldProblem> problems = new ArrayList<>();
        for (LayerProblem problem : block.problems(features.featureShape(), outputCount(block, labels))) {
            String field = problem.layerIndex() < 0
                    ? "learningBlock"
                    : problem.layerIndex() < block.layers().size()
                            ? "learningBlock.layers[" + problem.layerIndex() + "]"
                            : "learningBlock.outputHead";
            problems.add(new FieldProblem(field, problem.toString()));
        }
        if (block.kind() == LearningBlock.Kind.REGRESSION) {
            labels.stream()
                    .filter(label -> !isNumber(label))
                    .findFirst()
                    .ifPresent(label -> problems.add(new FieldProblem(
                            "learningBlock.kind",
                            "regression needs numeric labels (the target value), "
                                    + "but the training data has the label '" + label + "'")));
        }
        return problems;
    }

    private static boolean isNumber(String label) {
        try {
            return Double.isFinite(Double.parseDouble(label.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The defaults for the features ({@link Hyperparameters#defaultsFor}) with the given values on top; unknown
     * fields and wrong types are validation errors.
     */
    static Hyperparameters hyperparameters(JsonNode overrides, Hyperparameters defaults) {
        ObjectNode merged = STRICT.valueToTree(defaults);
        if (overrides != null && !overrides.isNull()) {
            if (!(overrides instanceof ObjectNode object)) {
                throw new ValidationViolation("hyperparameters", "must be an object such as {\"epochs\": 50}");
            }
            merged.setAll(object);
        }
        try {
            return STRICT.treeToValue(merged, Hyperparameters.class);
        } catch (DatabindException e) {
            StringBuilder field = new StringBuilder("hyperparameters");
            for (JacksonException.Reference reference : e.getPath()) {
                field.append(
                        reference.getPropertyName() != null
                                ? "." + reference.getPropertyName()
                                : "[" + reference.getIndex() + "]");
            }
            throw new ValidationViolation(
                    field.toString(),
                    e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException
                            ? "is not a known hyperparameter"
                            : "has the wrong type or value");
        }
    }

    private UUID enqueue(NewJob job) {
        // the job commits or rolls back with the model row: the connection is the transaction's
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return queue.enqueue(connection, job);
        } catch (SQLException e) {
            throw new IllegalStateException("enqueueing the " + job.type() + " job failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The learning block settings the impulse holds for its (first) learning block, when they parse. */
    record ImpulseSettings(Optional<LearningBlock> learningBlock, JsonNode hyperparameters) {}

    private ImpulseSettings impulseSettings(UUID projectId, LocatedFeatures features) {
        ImpulseLookup lookup = impulses.getIfAvailable();
        Optional<LearningBlockRef> ref = lookup == null
                ? Optional.empty()
                : lookup.find(projectId, features.impulseVersion())
                        .flatMap(impulse -> impulse.learningBlocks().stream().findFirst());
        if (ref.isEmpty()
                || ref.get().settings() == null
                || !ref.get().settings().isObject()) {
            return new ImpulseSettings(Optional.empty(), null);
        }
        ObjectNode settings = ((ObjectNode) ref.get().settings()).deepCopy();
        JsonNode hyperparameters = settings.remove("hyperparameters");
        if (!settings.has("kind") && ref.get().type() != null) {
            settings.put("kind", ref.get().type());
        }
        try {
            LearningBlock block = JobJson.mapper().treeToValue(settings, LearningBlock.class);
            return new ImpulseSettings(Optional.of(block), hyperparameters);
        } catch (JacksonException e) {
            // settings the impulse accepted but this version cannot read: fall back to the defaults
            return new ImpulseSettings(Optional.empty(), hyperparameters);
        }
    }

    private static List<String> layerTypes() {
        List<String> types = new ArrayList<>();
        for (JsonSubTypes.Type type :
                LayerSpec.class.getAnnotation(JsonSubTypes.class).value()) {
            types.add(type.name());
        }
        return types;
    }

    private static String capitalized(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
