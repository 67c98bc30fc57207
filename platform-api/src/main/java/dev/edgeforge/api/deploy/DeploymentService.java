package dev.edgeforge.api.deploy;

import dev.edgeforge.api.problem.FieldProblem;
import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.job.NewJob;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.deploy.DeployJobPayload;
import dev.edgeforge.jobs.deploy.DeployResult;
import dev.edgeforge.jobs.deploy.DeploymentChecklist;
import dev.edgeforge.jobs.deploy.DeploymentFormat;
import dev.edgeforge.jobs.deploy.MemoryReport;
import dev.edgeforge.jobs.estimate.DeploymentEstimator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests deployments (a row and a {@code deploy} job in one transaction) and shows them: plain reads of the rows,
 * which {@link DeploymentJobOutcomes} keeps in step with their jobs (see the package documentation).
 */
@Service
class DeploymentService {

    /** The formats an anomaly model deploys as (firmware-builder's {@code AnomalyBundler.FORMATS}). */
    static final List<String> ANOMALY_FORMATS =
            List.of(DeploymentFormat.FIRMWARE.id(), DeploymentFormat.C_LIBRARY.id());

    /** What a variant's name may be (as the compression feature names them). */
    private static final Pattern VARIANT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** Most deployments a list shows. */
    static final int LIST_LIMIT = 100;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final DeploymentRepository deployments;
    private final JobQueue queue;
    private final DeployableModels models;
    private final DeployableModelFiles files;
    private final BoardCatalogue boards;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TestSampleSource testSamples;
    private final DeployableVariants variants;
    private final DeploymentEstimator estimator = new DeploymentEstimator();

    DeploymentService(
            DeploymentRepository deployments,
            JobQueue queue,
            DeployableModels models,
            DeployableModelFiles files,
            BoardCatalogue boards,
            DataSource dataSource,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            Clock clock,
            TestSampleSource testSamples,
            DeployableVariants variants) {
        this.deployments = deployments;
        this.queue = queue;
        this.models = models;
        this.files = files;
        this.boards = boards;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
        this.testSamples = testSamples;
        this.variants = variants;
    }

    /** A bundle ready to stream. */
    record Download(String objectKey, String fileName, long bytes, String sha256) {}

    DeploymentView create(ProjectGrant grant, DeploymentRequest request) {
        // none named: the variant chosen on the compression page, else the model's own int8 file
        String variant = request.variant() == null || request.variant().isBlank()
                ? null
                : request.variant().trim();
        Optional<DeployableModel> anomaly = request.modelId() == null
                ? Optional.empty()
                : models.find(grant.projectId(), request.modelId()).filter(DeployableModel::isAnomaly);
        if (anomaly.isPresent()) {
            return createAnomaly(grant, request, anomaly.get());
        }
        validate(request, variant == null ? DeployJobPayload.INT8 : variant);
        DeployableModel model = models.require(grant.projectId(), request.modelId());
        DeployableVariants.Resolved resolved = variants.resolve(grant.projectId(), model, variant);
        // refuse a model that cannot be compiled now, not in a failed job later
        DeployableModelFiles.Loaded loaded = files.load(resolved.model());
        OverBudget budget = OverBudget.of(estimator.estimate(
                loaded.graph(), loaded.impulse(), boards.find(request.target()).orElseThrow()));
        if (!budget.fits() && !Boolean.TRUE.equals(request.allowOverBudget())) {
            // the linker would refuse it minutes later: say so now, with the figures
            throw new DeploymentDoesNotFitViolation(budget);
        }
        String overBudgetJson = budget.fits() ? null : JSON.writeValueAsString(budget);
        UUID deploymentId = UUID.randomUUID();
        DeployJobPayload payload = new DeployJobPayload(
                deploymentId,
                model.modelId(),
                model.name(),
                model.labels(),
                // what the builder compiles: int8, from the variant's file
                DeployJobPayload.INT8,
                request.target(),
                request.format(),
                resolved.model().int8ModelKey(),
                model.impulseJson() == null ? null : JSON.readTree(model.impulseJson()),
                model.impulseVersion(),
                model.testWindowsKey(),
                // the test set's samples, for raw windows through the device's DSP block (only with a test set)
                model.testWindowsKey() == null || model.impulseJson() == null
                        ? List.of()
                        : testSamples.enabledTestSamples(grant.projectId()));
        return queue(grant, request, model, resolved.variant(), payload, overBudgetJson);
    }

    /**
     * An anomaly model: no network and no int8 file; its scorer (float32, the server's definition) is compiled with
     * the impulse's DSP block, so only the formats that compile C around it can hold it.
     */
    private DeploymentView createAnomaly(ProjectGrant grant, DeploymentRequest request, DeployableModel model) {
        validate(request, DeployJobPayload.INT8);
        if (!ANOMALY_FORMATS.contains(request.format())) {
            throw new ModelNotDeployableViolation(
                    "Model '" + model.name() + "' is an anomaly model (K-means or Gaussian mixture) without a network;"
                            + " the " + request.format() + " format carries a network only ("
                            + (request.format().equals(DeploymentFormat.TFLM.id())
                                    ? "TensorFlow Lite Micro runs a .tflite"
                                    : "STM32Cube.AI imports a network")
                            + "). Deploy it as " + String.join(" or ", ANOMALY_FORMATS)
                            + ", which compile its scorer with the impulse's DSP block.",
                    null);
        }
        UUID deploymentId = UUID.randomUUID();
        DeployJobPayload payload = new DeployJobPayload(
                deploymentId,
                model.modelId(),
                model.name(),
                List.of(),
                DeployJobPayload.FLOAT32,
                request.target(),
                request.format(),
                null,
                model.impulseJson() == null ? null : JSON.readTree(model.impulseJson()),
                model.impulseVersion(),
                model.testWindowsKey(),
                model.testWindowsKey() == null || model.impulseJson() == null
                        ? List.of()
                        : testSamples.enabledTestSamples(grant.projectId()),
                model.anomaly().modelKey(),
                model.anomaly().threshold());
        // the estimator models networks; the anomaly tables are small beside the DSP block (not estimated yet)
        return queue(grant, request, model, DeployJobPayload.FLOAT32, payload, null);
    }

    private DeploymentView queue(
            ProjectGrant grant,
            DeploymentRequest request,
            DeployableModel model,
            String variant,
            DeployJobPayload payload,
            String overBudgetJson) {
        UUID deploymentId = payload.deploymentId();
        Deployment deployment = transaction.execute(status -> {
            UUID jobId = enqueue(NewJob.of(DeployJobPayload.TYPE, grant.projectId(), JSON.writeValueAsString(payload)));
            Deployment row = new Deployment(
                    deploymentId,
                    grant.projectId(),
                    model.modelId(),
                    model.name(),
                    variant,
                    request.target(),
                    request.format(),
                    DeploymentState.QUEUED,
                    jobId,
                    null,
                    null,
                    null,
                    false,
                    null,
                    null,
                    null,
                    null,
                    null,
                    clock.instant(),
                    null,
                    overBudgetJson,
                    null);
            deployments.insert(row);
            return row;
        });
        return view(deployment);
    }

    List<DeploymentView> list(ProjectGrant grant) {
        return deployments.list(grant.projectId(), LIST_LIMIT).stream()
                .map(this::view)
                .toList();
    }

    DeploymentView get(ProjectGrant grant, UUID deploymentId) {
        return view(require(grant, deploymentId));
    }

    /** @throws DeploymentNotReadyViolation while the deployment has no bundle */
    Download download(ProjectGrant grant, UUID deploymentId) {
        DeploymentView view = get(grant, deploymentId);
        if (!view.downloadAvailable()) {
            String detail = switch (view.state()) {
                case QUEUED ->
                    "Deployment " + deploymentId + " is waiting for a firmware builder; download it "
                            + "when its state is ready.";
                case BUILDING ->
                    "Deployment " + deploymentId + " is still building (its job " + view.jobId()
                            + " shows how far); download it when its state is ready.";
                case FAILED -> "Deployment " + deploymentId + " failed and has no bundle: " + view.error();
                case CANCELLED -> "Deployment " + deploymentId + " was cancelled and has no bundle; deploy again.";
                case READY -> "Deployment " + deploymentId + " has no bundle.";
            };
            throw new DeploymentNotReadyViolation(deploymentId, view.state().value(), detail);
        }
        Deployment row = require(grant, deploymentId);
        // the project's audit log keeps who took the model away
        events.publishEvent(new DeploymentDownloaded(
                grant.projectId(),
                grant.principal(),
                deploymentId,
                row.modelId(),
                row.modelName(),
                row.target(),
                row.format()));
        return new Download(row.bundleObjectKey(), row.bundleFileName(), row.bundleBytes(), row.sha256());
    }

    private Deployment require(ProjectGrant grant, UUID deploymentId) {
        return deployments
                .find(grant.projectId(), deploymentId)
                .orElseThrow(() -> new DeploymentNotFoundException(grant.projectId(), deploymentId));
    }

    private DeploymentView view(Deployment d) {
        boolean ready = d.state() == DeploymentState.READY && d.bundleObjectKey() != null;
        OverBudget overBudget = read(d.overBudgetJson(), OverBudget.class);
        String base = "/api/v1/projects/" + d.projectId() + "/deployments/" + d.id();
        return new DeploymentView(
                d.id(),
                d.projectId(),
                d.modelId(),
                d.modelName(),
                d.variant(),
                d.target(),
                boards.find(d.target()).map(Board::name).orElse(d.target()),
                d.format(),
                d.state(),
                d.jobId(),
                d.state() == DeploymentState.READY ? 1.0 : 0.0,
                d.error(),
                read(d.sizesJson(), DeployResult.Sizes.class),
                read(d.memoryReportJson(), MemoryReport.class),
                d.verified(),
                read(d.verificationJson(), DeployResult.Verification.class),
                read(d.checklistJson(), DeploymentChecklist.class),
                ready ? new DeploymentView.BundleView(d.bundleFileName(), d.bundleBytes(), d.sha256()) : null,
                ready,
                base + "/download",
                d.createdAt(),
                d.finishedAt(),
                overBudget,
                overBudget == null ? null : overBudget.warning());
    }

    private static <T> T read(String json, Class<T> type) {
        return json == null ? null : JSON.readValue(json, type);
    }

    private UUID enqueue(NewJob job) {
        // the job joins this transaction: no job without its row, no row without its job
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return queue.enqueue(connection, job);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot enqueue the deploy job", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void validate(DeploymentRequest request, String variant) {
        List<FieldProblem> errors = new ArrayList<>();
        if (request.modelId() == null) {
            errors.add(new FieldProblem("modelId", "is required"));
        }
        if (!VARIANT_NAME.matcher(variant).matches()) {
            errors.add(new FieldProblem(
                    "variant",
                    "must be int8 or the name of a compressed variant of the model (lower-case letters, digits and "
                            + "dashes), got '" + variant + "'"));
        } else if (variant.equals(DeployJobPayload.FLOAT32)) {
            errors.add(new FieldProblem(
                    "variant",
                    "float32 cannot be deployed: the " + available() + " formats compile the int8 model; choose int8"));
        }
        if (request.target() == null || request.target().isBlank()) {
            errors.add(new FieldProblem("target", "is required: a board id from GET /api/v1/targets"));
        } else if (boards.find(request.target()).isEmpty()) {
            errors.add(new FieldProblem(
                    "target",
                    "unknown target '" + request.target() + "'; known: "
                            + boards.all().stream().map(Board::id).collect(Collectors.joining(", "))));
        }
        if (request.format() == null || request.format().isBlank()) {
            errors.add(new FieldProblem("format", "is required: one of " + available()));
        } else {
            Optional<DeploymentFormat> format = Arrays.stream(DeploymentFormat.values())
                    .filter(f -> f.id().equals(request.format()))
                    .findFirst();
            if (format.isEmpty()) {
                errors.add(new FieldProblem(
                        "format",
                        "unknown format '" + request.format() + "'; known: "
                                + Arrays.stream(DeploymentFormat.values())
                                        .map(DeploymentFormat::id)
                                        .collect(Collectors.joining(", "))));
            } else if (!DeploymentFormat.AVAILABLE.contains(format.get())) {
                errors.add(new FieldProblem(
                        "format",
                        "the " + format.get().id() + " format is not available in this version; available: "
                                + available()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationViolation(
                    "The deployment request is not valid: " + errors.get(0).field() + " "
                            + errors.get(0).message() + ".",
                    errors);
        }
    }

    private static String available() {
        return Arrays.stream(DeploymentFormat.values())
                .filter(DeploymentFormat.AVAILABLE::contains)
                .map(DeploymentFormat::id)
                .collect(Collectors.joining(", "));
    }
}
