package dev.edgeforge.firmware.job;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.device.NetworkCore;
import dev.edgeforge.core.feature.FeatureFormatException;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.format.ParsedSample;
import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.core.learning.anomaly.AnomalyModel;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.tflite.TfliteReader;
import dev.edgeforge.firmware.anomaly.AnomalyLibraryRequest;
import dev.edgeforge.firmware.bundle.AnomalyBundler;
import dev.edgeforge.firmware.bundle.BuildRequest;
import dev.edgeforge.firmware.bundle.BuildResult;
import dev.edgeforge.firmware.bundle.ChecklistReadme;
import dev.edgeforge.firmware.bundle.DeploymentBuildFailedException;
import dev.edgeforge.firmware.bundle.DeploymentBuilder;
import dev.edgeforge.firmware.codegen.InputQuantizer;
import dev.edgeforge.firmware.codegen.ModelIdentity;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.toolchain.ToolNotFoundException;
import dev.edgeforge.firmware.toolchain.Toolchain;
import dev.edgeforge.firmware.verification.AnomalyVerifier;
import dev.edgeforge.firmware.verification.QemuVerifier;
import dev.edgeforge.infra.job.JobCancelledException;
import dev.edgeforge.infra.job.JobContext;
import dev.edgeforge.infra.job.JobHandler;
import dev.edgeforge.infra.job.NonRetryableJobException;
import dev.edgeforge.infra.storage.ObjectNotFoundException;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.deploy.DeployJobPayload;
import dev.edgeforge.jobs.deploy.DeployResult;
import dev.edgeforge.jobs.deploy.DeploymentChecklist;
import dev.edgeforge.jobs.deploy.DeploymentFormat;
import dev.edgeforge.jobs.deploy.DeploymentObjects;
import dev.edgeforge.jobs.deploy.MemoryReport;
import dev.edgeforge.jobs.estimate.DeploymentEstimate;
import dev.edgeforge.jobs.estimate.DeploymentEstimator;
import dev.edgeforge.jobs.estimate.NetworkWorkload;
import dev.edgeforge.jobs.feature.FeatureJobSample;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs deployment jobs ({@value DeployJobPayload#TYPE}; input: {@link DeployJobPayload}, result: {@link DeployResult}):
 * <ol>
 *   <li>reads the int8 .tflite from the object store ({@link TfliteReader}) and the test windows
 *       ({@link TestWindowFile}; seeded random int8 windows when the model has none, which the log and the result
 *       say);</li>
 *   <li>builds the bundle with {@link DeploymentBuilder} in a directory of its own under the work directory, each
 *       compiler run limited in time; a failed build fails the job at once with the compiler's output in the
 *       log;</li>
 *   <li>for the emulated board, runs the image in QEMU on every test window and compares each output with the
 *       Java int8 reference interpreter's, bit for bit ({@link QemuVerifier}); other boards are reported as not
 *       emulated;</li>
 *   <li>stores the ZIP and a {@link DeploymentReport} under {@link DeploymentObjects}, then the result.</li>
 * </ol>
 * A cancel stops the compiler or QEMU (the worker interrupts the handler) and nothing is stored. Objects are written
 * before the result, so a deployment whose job succeeded never points at a missing bundle; a retried job writes
 * the same keys again with the same content.
 */
public final class DeployJobHandler implements JobHandler {

    /** Most compiler output lines copied into the job's log; the full output is in the report. */
    static final int MAX_COMPILER_LOG_LINES = 200;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ObjectStore store;
    private final Path workDirectory;
    private final DeploymentBuilder builder;
    private final BoardCatalogue boards;
    private final Duration compilerTimeLimit;
    // image test samples are read again with their pixels, to become camera frames
    private static final SampleParseOptions SAMPLE_OPTIONS =
            SampleParseOptions.defaults().withKeepImagePixels(true);

    private final WindowVerification verification;
    private final int randomWindows;
    private final Duration verificationTimeLimit;

    private DeployJobHandler(Builder b) {
        this.store = b.store;
        this.workDirectory = b.workDirectory;
        this.builder = b.deploymentBuilder != null
                ? b.deploymentBuilder
                : DeploymentBuilder.builder()
                        .setCacheDirectory(b.workDirectory.resolve("cache"))
                        .optBoards(b.boards)
                        .optTflmDirectory(b.tflmDirectory)
                        .build();
        this.boards = b.boards;
        this.compilerTimeLimit = b.compilerTimeLimit;
        Duration qemuLimit = b.verificationTimeLimit;
        // QEMU is looked up when a job needs it, so a server without it still starts (and says so in the job)
        Supplier<QemuVerifier> verifier = () -> QemuVerifier.standard(qemuLimit);
        this.verification = new WindowVerification(
                verifier, b.verificationBatchSize, b.verificationInstances, b.verificationSample);
        this.randomWindows = b.randomWindows;
        this.verificationTimeLimit = b.verificationTimeLimit;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String type() {
        return DeployJobPayload.TYPE;
    }

    @Override
    public void run(JobContext context) throws Exception {
        DeployJobPayload payload = payload(context);
        UUID projectId = context.projectId();
        if (projectId == null) {
            throw new NonRetryableJobException("a deployment job belongs to a project; this one has none");
        }
        Board board = boards.find(payload.target())
                .orElseThrow(() -> new NonRetryableJobException("unknown target board '" + payload.target()
                        + "'; known: " + boards.all().stream().map(Board::id).toList()));
        DeploymentFormat format = format(payload.format());
        if (payload.anomaly()) {
            new AnomalyDeployment(context, payload, projectId, board, format).run();
            return;
        }
        if (!DeployJobPayload.INT8.equals(payload.variant())) {
            throw new NonRetryableJobException("the " + format.id() + " format runs the int8 model; variant '"
                    + payload.variant() + "' cannot be compiled");
        }
        context.log("Deployment " + payload.deploymentId() + ": model '" + payload.modelName() + "' (int8) as "
                + format.id() + " for " + board.name() + " (" + board.mcu() + ", "
                + board.core().displayName()
                + ")");
        context.progress(0.02);

        String phase = "reading the model";
        Path buildDirectory = workDirectory.resolve("builds").resolve(context.jobId() + "-" + context.attempt());
        try {
            byte[] tflite = read(payload.modelKey(), "the model file");
            ModelGraph model = readModel(tflite, payload.modelKey());
            Optional<Impulse> impulse = impulse(payload);
            NetworkCore core = networkCore(model);
            TestWindowFile.Windows windows = windows(payload, core, impulse, tflite);
            context.log("Test windows: " + windows.note());
            DeploymentEstimate estimate = new DeploymentEstimator().estimate(model, impulse, board);
            long estimatedInstructions = DeploymentEstimator.networkInstructions(NetworkWorkload.of(model));
            context.progress(0.08);
            context.throwIfCancelled();

            phase = "building";
            context.log("Building with " + DeploymentBuilder.VERSION + " (compiler time limit "
                    + compilerTimeLimit.toSeconds() + " s per run)");
            BuildResult built = build(
                    context,
                    new BuildRequest(
                            payload.modelName(),
                            model,
                            impulse,
                            payload.labels(),
                            board.id(),
                            format,
                            windows.windows()),
                    buildDirectory);
            logBuild(context, built);
            context.progress(0.6);
            context.throwIfCancelled();

            phase = "verifying";
            DeployResult.Verification verified = verify(
                    context,
                    built,
                    board,
                    model,
                    impulse,
                    payload.labels(),
                    windows,
                    estimatedInstructions,
                    format,
                    sample -> {
                        // the sample's outcome is stored as the job's result at once (bundle and report first, so
                        // it never points at a missing object); the final one replaces it
                        store(context, projectId, payload, format, board, built, sample, estimate);
                        context.log("Stored the sample's verification (" + sample.windows() + " of "
                                + sample.windowsTotal() + " windows, " + sample.status() + "); verifying the rest");
                    });
            context.throwIfCancelled();

            phase = "storing the bundle";
            DeployResult result = store(context, projectId, payload, format, board, built, verified, estimate);
            context.log("Stored " + result.bundle().fileName() + " ("
                    + result.bundle().bytes() + " bytes, sha256 "
                    + result.bundle().sha256() + ")");
            context.progress(1.0);
        } catch (ToolNotFoundException e) {
            // a missing compiler or emulator is the installation's problem: retrying on this worker cannot help
            throw new NonRetryableJobException(e.getMessage(), e);
        } catch (RuntimeException e) {
            if (context.isCancelRequested()) {
                throw new JobCancelledException("deployment cancelled while " + phase);
            }
            throw e;
        } finally {
            deleteQuietly(buildDirectory);
        }
    }

    private static DeployJobPayload payload(JobContext context) {
        DeployJobPayload payload;
        try {
            payload = JSON.readValue(context.payload(), DeployJobPayload.class);
        } catch (JacksonException e) {
            throw new NonRetryableJobException(
                    "the deployment job's payload cannot be read: " + e.getOriginalMessage(), e);
        }
        if (payload.deploymentId() == null
                || (payload.modelKey() == null && payload.anomalyModelKey() == null)
                || payload.target() == null
                || payload.format() == null) {
            throw new NonRetryableJobException("the deployment job's payload needs deploymentId, modelKey (or "
                    + "anomalyModelKey), target and format; got " + context.payload());
        }
        return payload;
    }

    private static DeploymentFormat format(String id) {
        DeploymentFormat format;
        try {
            format = DeploymentFormat.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new NonRetryableJobException(e.getMessage(), e);
        }
        if (!DeploymentFormat.AVAILABLE.contains(format)) {
            throw new NonRetryableJobException("the " + format.id() + " format is not available in this version");
        }
        return format;
    }

    private byte[] read(String key, String what) {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        } catch (ObjectNotFoundException e) {
            throw new NonRetryableJobException(what + " " + key + " is not in the object store", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    private static ModelGraph readModel(byte[] tflite, String key) {
        try {
            return new TfliteReader().read(tflite);
        } catch (RuntimeException e) {
            throw new NonRetryableJobException(
                    "the model file " + key + " is not a TFLite model EdgeForge can read: " + e.getMessage(), e);
        }
    }

    private static NetworkCore networkCore(ModelGraph model) {
        try {
            return NetworkCore.of(model);
        } catch (RuntimeException e) {
            throw new NonRetryableJobException("the model cannot be compiled: " + e.getMessage(), e);
        }
    }

    private static Optional<Impulse> impulse(DeployJobPayload payload) {
        if (payload.impulse() == null || payload.impulse().isNull()) {
            return Optional.empty();
        }
        try {
            Impulse impulse = ImpulseJson.read(payload.impulse().toString());
            ImpulseDsp.of(impulse);
            return Optional.of(impulse);
        } catch (RuntimeException e) {
            throw new NonRetryableJobException(
                    "the impulse (v" + payload.impulseVersion() + ") cannot be compiled " + "into the firmware: "
                            + e.getMessage(),
                    e);
        }
    }

    /** The test windows, each checked against the model, so a bad window fails before anything is compiled. */
    private TestWindowFile.Windows windows(
            DeployJobPayload payload, NetworkCore core, Optional<Impulse> impulse, byte[] tflite) {
        TestWindowFile.Windows windows;
        if (payload.testWindowsKey() == null) {
            String sha = ModelIdentity.sha256(tflite);
            windows = TestWindowFile.random(
                    core.input().elementCount(),
                    core.inputQuantization().zeroPoint(),
                    Long.parseUnsignedLong(sha.substring(0, 16), 16),
                    randomWindows);
        } else {
            byte[] bytes = read(payload.testWindowsKey(), "the test windows");
            try {
                windows = TestWindowFile.read(bytes, payload.testWindowsKey());
            } catch (IllegalArgumentException e) {
                throw new NonRetryableJobException(e.getMessage(), e);
            }
            if (impulse.isPresent() && windows.source().equals(TestWindowFile.SOURCE_TEST_SET)) {
                windows = rawTestWindows(payload, impulse.get(), bytes, windows);
            }
        }
        InputQuantizer quantizer =
                new InputQuantizer(core.inputQuantization(), core.input().elementCount(), impulse.map(ImpulseDsp::of));
        List<TestWindow> list = windows.windows();
        for (int i = 0; i < list.size(); i++) {
            try {
                quantizer.int8Input(list.get(i));
            } catch (IllegalArgumentException e) {
                throw new NonRetryableJobException(
                        "test window " + i + " does not fit the model: " + e.getMessage(), e);
            }
        }
        return windows;
    }

    /**
     * The test set's rows as raw windows cut again from the test samples, so that the verification runs the device's
     * own DSP block ({@code window}); the feature windows, with the reason in the note, when that cannot be done.
     */
    private TestWindowFile.Windows rawTestWindows(
            DeployJobPayload payload, Impulse impulse, byte[] testSet, TestWindowFile.Windows features) {
        if (payload.testSamples().isEmpty()) {
            return new TestWindowFile.Windows(
                    features.windows(),
                    features.source(),
                    features.note() + "; as features (the job names no test samples to cut raw windows from)");
        }
        Map<String, FeatureJobSample> samples = new HashMap<>();
        for (FeatureJobSample sample : payload.testSamples()) {
            samples.put(sample.id(), sample);
        }
        RawTestWindows.Result raw;
        try {
            raw = RawTestWindows.of(FeatureSet.fromBytes(testSet), impulse, samples, this::parseSample);
        } catch (FeatureFormatException
                | SampleFormatException
                | IllegalArgumentException
                | NonRetryableJobException e) {
            // a test sample gone or changed since the features were made: the feature windows still prove the network
            raw = new RawTestWindows.Result(Optional.empty(), String.valueOf(e.getMessage()));
        }
        if (raw.windows().isEmpty()) {
            return new TestWindowFile.Windows(
                    features.windows(), features.source(), features.note() + "; as features: " + raw.whyNot());
        }
        return new TestWindowFile.Windows(
                raw.windows().get(),
                features.source(),
                features.note() + ", as raw windows cut again from " + samples.size()
                        + " test samples (through the device's DSP block)");
    }

    private ParsedSample parseSample(FeatureJobSample sample) {
        String name = sample.fileName().isBlank() ? sample.id() : sample.fileName();
        return SampleParsers.parse(name, read(sample.objectKey(), "test sample " + sample.id()), SAMPLE_OPTIONS);
    }

    private BuildResult build(JobContext context, BuildRequest request, Path directory) {
        deleteQuietly(directory);
        try {
            return builder.build(request, directory, compilerTimeLimit);
        } catch (DeploymentBuildFailedException e) {
            if (context.isCancelRequested()) {
                throw e;
            }
            context.log("Build failed: " + e.getMessage());
            String output = e.compilerOutput().strip();
            if (!output.isEmpty()) {
                List<String> lines = output.lines().toList();
                context.log("Compiler output:");
                context.log(String.join("\n", lines.subList(0, Math.min(lines.size(), MAX_COMPILER_LOG_LINES))));
                if (lines.size() > MAX_COMPILER_LOG_LINES) {
                    context.log("[" + (lines.size() - MAX_COMPILER_LOG_LINES) + " more lines of compiler output]");
                }
            }
            // the same inputs fail the same way: retrying cannot help
            throw new NonRetryableJobException(e.getMessage(), e);
        }
    }

    private static void logBuild(JobContext context, BuildResult built) {
        MemoryReport memory = built.memoryReport();
        context.log((built.fromCache()
                        ? "Reused an identical earlier build (cache key "
                        : "Built in " + built.elapsed().toMillis() + " ms (cache key ")
                + built.cacheKey().substring(0, 12) + ")");
        memory.image()
                .ifPresent(image -> context.log("Flash " + image.flashBytes() + " of "
                        + image.flashCapacityBytes() + " bytes, RAM " + image.ramBytes() + " of "
                        + image.ramCapacityBytes()
                        + " bytes"));
        context.log("Activation arena " + memory.arenaBytes() + " bytes (lower bound " + memory.arenaLowerBound()
                + "), model constants " + memory.modelConstantBytes() + " bytes");
        if (!built.compilerOutput().isBlank()) {
            context.log("Compiler warnings:\n" + built.compilerOutput().strip());
        }
    }

    private DeployResult.Verification verify(
            JobContext context,
            BuildResult built,
            Board board,
            ModelGraph model,
            Optional<Impulse> impulse,
            List<String> labels,
            TestWindowFile.Windows windows,
            long estimatedInstructions,
            DeploymentFormat format,
            Consumer<DeployResult.EmulatedRun> sampleDone) {
        if (board.emulated() && built.firmwareElf().isEmpty() && format == DeploymentFormat.TFLM) {
            // the board is emulated; what is missing is the TFLM build, and saying "deploy to QEMU" would be wrong
            String why = "not verified: no TFLM checkout configured (EDGEFORGE_TFLM_DIR); the bundle holds the"
                    + " complete TFLM project, built with make TFLM_DIR=<tflite-micro checkout>";
            context.log("Verification: " + why);
            return new DeployResult.NotEmulated(
                    board.id(), windows.source(), windows.note() + "; " + why, estimatedInstructions);
        }
        if (!board.emulated() || built.firmwareElf().isEmpty()) {
            String why = board.name() + " is not emulated: the image was compiled and linked for it but not run; "
                    + "deploy to " + BoardCatalogue.QEMU_BOARD_ID + " to prove the same model in QEMU";
            context.log("Verification: not run (" + why + ")");
            return new DeployResult.NotEmulated(
                    board.id(), windows.source(), windows.note() + "; " + why, estimatedInstructions);
        }
        int total = windows.windows().size();
        context.log("Verifying in QEMU (" + board.qemuMachine().orElseThrow() + "): " + total
                + " windows against the Java int8 reference interpreter");
        DeployResult.EmulatedRun result = verification.verify(
                built.firmwareElf().get(),
                model,
                impulse,
                labels,
                windows,
                estimatedInstructions,
                done -> {
                    context.progress(0.6 + 0.35 * done / total);
                    context.log("Verified " + done + " of " + total + " windows");
                },
                context::throwIfCancelled,
                sampleDone);
        if (result instanceof DeployResult.Verified verified) {
            context.log("VERIFIED: all " + verified.windows() + " outputs equal the reference bit for bit"
                    + instructions(verified));
        } else if (result instanceof DeployResult.RunFailed failed) {
            context.log("NOT VERIFIED: the device run did not complete: " + failed.failure());
        } else {
            context.log("NOT VERIFIED: " + result.mismatchCount() + " of " + result.windows()
                    + " windows differ from the reference; first: "
                    + result.mismatches().get(0));
        }
        if (result.peakRamBytes() != null) {
            context.log("Peak RAM " + result.peakRamBytes() + " bytes: static RAM of the image (.data, .bss) "
                    + (result.peakRamBytes() - result.stackBytes()) + " + stack high-water mark "
                    + result.stackBytes() + "; no heap");
        }
        if (result.deviceAccuracy() != null) {
            context.log(String.format(
                    Locale.ROOT,
                    "Top-1 accuracy on %d labelled windows: device %.2f%%, " + "server %.2f%%",
                    result.labelledWindows(),
                    100 * result.deviceAccuracy(),
                    100 * result.serverAccuracy()));
        }
        return result;
    }

    private static String instructions(DeployResult.Verified result) {
        DeployResult.Instructions counts = result.instructions();
        if (counts != null && counts.dsp() != null && counts.network() != null) {
            // the estimate is the network's: put it beside the network's part, not the whole inference
            return String.format(
                    Locale.ROOT,
                    "; %.0f instructions per inference on raw windows: DSP block %.0f, network %.0f (network"
                            + " estimate %d)",
                    counts.mean(),
                    counts.dsp().mean(),
                    counts.network().mean(),
                    result.estimatedInstructions());
        }
        return counts == null
                ? ""
                : String.format(
                        Locale.ROOT,
                        "; %.0f instructions per inference (estimate %d)",
                        result.instructions().mean(),
                        result.estimatedInstructions());
    }

    /**
     * Stores the bundle with the checklist for {@code verification} in its README, the report and the job's result.
     * The sample's outcome stores a bundle whose checklist is the sample's; the final outcome replaces it.
     */
    private DeployResult store(
            JobContext context,
            UUID projectId,
            DeployJobPayload payload,
            DeploymentFormat format,
            Board board,
            BuildResult built,
            DeployResult.Verification verification,
            DeploymentEstimate estimate) {
        Path zip = workDirectory
                .resolve("builds")
                .resolve(context.jobId() + "-" + context.attempt() + "-checklist")
                .resolve(built.bundle().getFileName().toString());
        try {
            DeployResult.Sizes sizes = sizes(board, built);
            DeploymentChecklist checklist = DeploymentChecklist.of(sizes, verification, board.clockHz(), estimate);
            ChecklistReadme.write(built.bundle(), checklist, zip);
            DeployResult.Bundle bundle = new DeployResult.Bundle(
                    DeploymentObjects.bundle(projectId, payload.deploymentId()),
                    zip.getFileName().toString(),
                    Files.size(zip),
                    ModelIdentity.sha256(Files.readAllBytes(zip)));
            DeployResult result = new DeployResult(
                    payload.deploymentId(),
                    format.id(),
                    board.id(),
                    bundle,
                    DeploymentObjects.report(projectId, payload.deploymentId()),
                    sizes,
                    built.memoryReport(),
                    verification,
                    new DeployResult.Build(
                            built.fromCache(), built.cacheKey(), built.elapsed().toMillis(), built.compilerOutput()),
                    checklist);
            storeBundle(bundle.key(), zip);
            store.put(
                    result.reportKey(),
                    JSON.writeValueAsBytes(new DeploymentReport(result, estimate, DeploymentBuilder.VERSION)));
            context.result(JSON.writeValueAsString(result));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the deployment's bundle or report", e);
        } finally {
            deleteQuietly(zip.getParent());
        }
    }

    private static DeployResult.Sizes sizes(Board board, BuildResult built) {
        MemoryReport memory = built.memoryReport();
        return new DeployResult.Sizes(
                memory.image().map(MemoryReport.ImageMemory::flashBytes).orElse(null),
                board.flash().sizeBytes(),
                memory.image().map(MemoryReport.ImageMemory::ramBytes).orElse(null),
                board.ram().sizeBytes(),
                memory.arenaBytes(),
                memory.arenaLowerBound(),
                memory.modelConstantBytes());
    }

    private void storeBundle(String key, Path zip) throws IOException {
        try (InputStream in = Files.newInputStream(zip)) {
            store.put(key, in, Files.size(zip));
        }
    }

    private static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all =
                    new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover build directory wastes space but harms nothing: the next attempt uses another one
        }
    }

    /**
     * The deployment of an anomaly model: its tables and scorer compiled with the impulse's DSP block
     * ({@link AnomalyBundler}), and in the emulator every test window's score and decision held against the server's
     * ({@link AnomalyVerifier}). Stored like a network's deployment.
     */
    private final class AnomalyDeployment {
        private final JobContext context;
        private final DeployJobPayload payload;
        private final UUID projectId;
        private final Board board;
        private final DeploymentFormat format;

        AnomalyDeployment(
                JobContext context, DeployJobPayload payload, UUID projectId, Board board, DeploymentFormat format) {
            this.context = context;
            this.payload = payload;
            this.projectId = projectId;
            this.board = board;
            this.format = format;
        }

        void run() throws IOException {
            if (!AnomalyBundler.FORMATS.contains(format)) {
                throw new NonRetryableJobException("the " + format.id() + " format carries a network only and cannot "
                        + "hold an anomaly model; deploy it as "
                        + AnomalyBundler.FORMATS.stream()
                                .map(DeploymentFormat::id)
                                .toList());
            }
            if (payload.anomalyThreshold() == null || !Double.isFinite(payload.anomalyThreshold())) {
                throw new NonRetryableJobException("the anomaly deployment job carries no finite threshold");
            }
            double threshold = payload.anomalyThreshold();
            context.log("Deployment " + payload.deploymentId() + ": anomaly model '" + payload.modelName() + "' as "
                    + format.id() + " for " + board.name() + " (" + board.mcu() + "), threshold " + threshold);
            context.progress(0.02);
            String phase = "reading the model";
            Path buildDirectory = workDirectory.resolve("builds").resolve(context.jobId() + "-" + context.attempt());
            try {
                AnomalyModel model = anomalyModel();
                Optional<Impulse> impulse = impulse(payload);
                TestWindowFile.Windows windows = anomalyWindows(model, impulse);
                context.log("Model: " + model.describe() + ", " + model.featureCount() + " features; test windows: "
                        + windows.note());
                context.progress(0.08);
                context.throwIfCancelled();

                phase = "building";
                BuildResult built;
                try {
                    built = new AnomalyBundler(boards, Toolchain.armNoneEabi())
                            .build(
                                    new AnomalyLibraryRequest(payload.modelName(), model, threshold, impulse),
                                    board.id(),
                                    format,
                                    buildDirectory,
                                    compilerTimeLimit);
                } catch (DeploymentBuildFailedException e) {
                    context.log("Build failed: " + e.getMessage());
                    if (!e.compilerOutput().isBlank()) {
                        context.log("Compiler output:\n" + e.compilerOutput().strip());
                    }
                    throw new NonRetryableJobException(e.getMessage(), e);
                }
                MemoryReport memory = built.memoryReport();
                context.log("Built in " + built.elapsed().toMillis() + " ms; model tables "
                        + memory.modelConstantBytes() + " bytes (float32)"
                        + memory.image()
                                .map(image -> "; flash " + image.flashBytes() + " of " + image.flashCapacityBytes()
                                        + " bytes, RAM " + image.ramBytes() + " of " + image.ramCapacityBytes()
                                        + " bytes")
                                .orElse(""));
                if (!built.compilerOutput().isBlank()) {
                    context.log("Compiler warnings:\n" + built.compilerOutput().strip());
                }
                context.progress(0.6);
                context.throwIfCancelled();

                phase = "verifying";
                DeployResult.Verification verified = verify(built, model, threshold, impulse, windows);
                context.throwIfCancelled();

                phase = "storing the bundle";
                DeployResult result = store(context, projectId, payload, format, board, built, verified, null);
                context.log("Stored " + result.bundle().fileName() + " ("
                        + result.bundle().bytes() + " bytes)");
                context.progress(1.0);
            } catch (ToolNotFoundException e) {
                throw new NonRetryableJobException(e.getMessage(), e);
            } catch (RuntimeException e) {
                if (context.isCancelRequested()) {
                    throw new JobCancelledException("deployment cancelled while " + phase);
                }
                throw e;
            } finally {
                deleteQuietly(buildDirectory);
            }
        }

        private AnomalyModel anomalyModel() {
            byte[] bytes = read(payload.anomalyModelKey(), "the anomaly model");
            try {
                return JobJson.mapper().readValue(bytes, AnomalyModel.class);
            } catch (JacksonException | IllegalArgumentException e) {
                throw new NonRetryableJobException(
                        "the anomaly model " + payload.anomalyModelKey() + " cannot be read: " + e.getMessage(), e);
            }
        }

        /** The test set's rows (raw when the impulse can cut them again), each checked against the model. */
        private TestWindowFile.Windows anomalyWindows(AnomalyModel model, Optional<Impulse> impulse) {
            if (payload.testWindowsKey() == null) {
                return new TestWindowFile.Windows(
                        List.of(), TestWindowFile.SOURCE_GIVEN, "none (the model has no test set)");
            }
            byte[] bytes = read(payload.testWindowsKey(), "the test windows");
            TestWindowFile.Windows windows;
            try {
                windows = TestWindowFile.read(bytes, payload.testWindowsKey());
            } catch (IllegalArgumentException e) {
                throw new NonRetryableJobException(e.getMessage(), e);
            }
            for (int i = 0; i < windows.windows().size(); i++) {
                TestWindow window = windows.windows().get(i);
                if (window.kind() != TestWindow.Kind.FEATURES || window.values().length != model.featureCount()) {
                    throw new NonRetryableJobException("test window " + i + " is not " + model.featureCount()
                            + " features, as the anomaly model takes");
                }
            }
            if (impulse.isPresent() && windows.source().equals(TestWindowFile.SOURCE_TEST_SET)) {
                windows = rawTestWindows(payload, impulse.get(), bytes, windows);
            }
            return windows;
        }

        private DeployResult.Verification verify(
                BuildResult built,
                AnomalyModel model,
                double threshold,
                Optional<Impulse> impulse,
                TestWindowFile.Windows windows) {
            if (!board.emulated()
                    || built.firmwareElf().isEmpty()
                    || windows.windows().isEmpty()) {
                String why = windows.windows().isEmpty()
                        ? "not verified: the model has no test windows"
                        : board.name() + " is not emulated: the image was compiled and linked for it but not run; "
                                + "deploy to " + BoardCatalogue.QEMU_BOARD_ID + " to prove the same model in QEMU";
                context.log("Verification: " + why);
                return new DeployResult.NotEmulated(board.id(), windows.source(), windows.note() + "; " + why, null);
            }
            int total = windows.windows().size();
            context.log("Verifying in QEMU: " + total + " windows, device scores against the server's");
            DeployResult.AnomalyScores scores = AnomalyVerifier.standard(verificationTimeLimit)
                    .verify(
                            built.firmwareElf().get(),
                            model,
                            threshold,
                            impulse,
                            windows.windows(),
                            windows.source(),
                            windows.note(),
                            done -> {
                                context.progress(0.6 + 0.35 * done / total);
                                if (done % 50 == 0 || done == total) {
                                    context.log("Scored " + done + " of " + total + " windows");
                                }
                            });
            context.log(String.format(
                    Locale.ROOT,
                    "%s: %d of %d decisions equal, %d of %d scores within %.0e (relative); largest difference %.3g"
                            + " (relative %.3g); anomalies device %d, server %d%s",
                    scores.verified() ? "VERIFIED" : "NOT VERIFIED",
                    scores.decisionsEqual(),
                    scores.windows(),
                    scores.withinTolerance(),
                    scores.windows(),
                    scores.relativeTolerance(),
                    scores.maxAbsoluteDifference(),
                    scores.maxRelativeDifference(),
                    scores.deviceAnomalies(),
                    scores.serverAnomalies(),
                    scores.failure() == null ? "" : "; the run broke off: " + scores.failure()));
            return scores;
        }
    }

    /** Configures a {@link DeployJobHandler}: {@code setX} for required settings, {@code optX} for the rest. */
    public static final class Builder {
        private Path tflmDirectory;
        private ObjectStore store;
        private Path workDirectory;
        private DeploymentBuilder deploymentBuilder;
        private BoardCatalogue boards = BoardCatalogue.standard();
        private Duration compilerTimeLimit = Duration.ofMinutes(3);
        private Duration verificationTimeLimit = Duration.ofMinutes(10);
        private int verificationBatchSize = 50;
        private int verificationInstances = Runtime.getRuntime().availableProcessors();
        private int verificationSample = 200;
        private int randomWindows = 16;

        private Builder() {}

        /** Where models and test windows are read and bundles stored. Required. */
        public Builder setObjectStore(ObjectStore store) {
            this.store = store;
            return this;
        }

        /** Scratch space: {@code builds/<job>-<attempt>/} per run, and the build cache in {@code cache/}. Required. */
        public Builder setWorkDirectory(Path workDirectory) {
            this.workDirectory = workDirectory;
            return this;
        }

        /** Default: a {@link DeploymentBuilder} caching in {@code <work directory>/cache}. */
        public Builder optDeploymentBuilder(DeploymentBuilder deploymentBuilder) {
            this.deploymentBuilder = deploymentBuilder;
            return this;
        }

        /**
         * A tflite-micro checkout ({@code EDGEFORGE_TFLM_DIR}), only read: {@code tflm} deployments are then compiled
         * against it and verified in QEMU like the other formats. Default: none ({@code tflm} bundles hold the project
         * and say they are not verified).
         */
        public Builder optTflmDirectory(Path tflmDirectory) {
            this.tflmDirectory = tflmDirectory;
            return this;
        }

        /** Default: {@link BoardCatalogue#standard()}. */
        public Builder optBoards(BoardCatalogue boards) {
            this.boards = boards;
            return this;
        }

        /** How long each compiler or linker run may take. Default: 3 minutes. */
        public Builder optCompilerTimeLimit(Duration limit) {
            this.compilerTimeLimit = limit;
            return this;
        }

        /** How long one QEMU run (one batch of windows) may take. Default: 10 minutes. */
        public Builder optVerificationTimeLimit(Duration limit) {
            this.verificationTimeLimit = limit;
            return this;
        }

        /** Windows per QEMU run; progress is reported after each. Default: 50. */
        public Builder optVerificationBatchSize(int windows) {
            this.verificationBatchSize = windows;
            return this;
        }

        /** QEMU instances verifying at once. Default: the worker's processors. */
        public Builder optVerificationInstances(int instances) {
            this.verificationInstances = instances;
            return this;
        }

        /**
         * Windows of the stratified sample verified (and stored) first when the test set is larger; 0 verifies every
         * window before storing anything. Default: 200.
         */
        public Builder optVerificationSample(int windows) {
            this.verificationSample = windows;
            return this;
        }

        /** Random windows used when a model has no test windows. Default: 16. */
        public Builder optRandomWindows(int count) {
            this.randomWindows = count;
            return this;
        }

        public DeployJobHandler build() {
            Objects.requireNonNull(store, "a deployment handler needs an object store");
            Objects.requireNonNull(workDirectory, "a deployment handler needs a work directory");
            Objects.requireNonNull(boards, "boards");
            for (Duration limit : List.of(compilerTimeLimit, verificationTimeLimit)) {
                if (limit == null || limit.isZero() || limit.isNegative()) {
                    throw new IllegalArgumentException("time limits must be positive, got " + limit);
                }
            }
            if (randomWindows < 1) {
                throw new IllegalArgumentException("at least one random window is needed, got " + randomWindows);
            }
            return new DeployJobHandler(this);
        }
    }
}
