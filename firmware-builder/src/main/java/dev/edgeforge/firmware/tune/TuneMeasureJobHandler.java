package dev.edgeforge.firmware.tune;

import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.tflite.TfliteReader;
import dev.edgeforge.firmware.bundle.BuildRequest;
import dev.edgeforge.firmware.bundle.BuildResult;
import dev.edgeforge.firmware.bundle.DeploymentBuildFailedException;
import dev.edgeforge.firmware.bundle.DeploymentBuilder;
import dev.edgeforge.firmware.job.TestWindowFile;
import dev.edgeforge.firmware.job.WindowVerification;
import dev.edgeforge.firmware.toolchain.ToolNotFoundException;
import dev.edgeforge.firmware.verification.ElfStaticRam;
import dev.edgeforge.firmware.verification.QemuVerifier;
import dev.edgeforge.infra.job.JobContext;
import dev.edgeforge.infra.job.JobHandler;
import dev.edgeforge.infra.job.NonRetryableJobException;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.deploy.DeployResult;
import dev.edgeforge.jobs.deploy.DeploymentFormat;
import dev.edgeforge.jobs.deploy.MemoryReport;
import dev.edgeforge.jobs.estimate.DeploymentEstimator;
import dev.edgeforge.jobs.estimate.NetworkWorkload;
import dev.edgeforge.jobs.tune.TuneFinalist;
import dev.edgeforge.jobs.tune.TuneMeasurePayload;
import dev.edgeforge.jobs.tune.TuneMeasureResult;
import dev.edgeforge.jobs.tune.TuneMeasurement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;

/**
 * Runs {@code tune-measure} jobs ({@link TuneMeasurePayload}): each finalist of a tune job is built as firmware
 * ({@link DeploymentBuilder}, format {@code firmware}) and run in QEMU on its raw validation windows
 * ({@link WindowVerification}: the device's DSP block and network, every output compared with the Java int8 reference
 * interpreter's), and the result ({@link TuneMeasureResult}) carries what was measured: the largest instruction count
 * of one inference, its time at one instruction per cycle of the target's clock, the image's flash and RAM as linked
 * (the stack reservation included), the run's peak RAM (static RAM plus the stack's high-water mark), and the arena.
 *
 * <p>When the target is not emulated but has the emulated board's core, the finalist is also linked for the target:
 * flash and static RAM are that image's, the instructions and the stack come from the emulated board's run of the same
 * kernels. A finalist whose build or run fails is listed in {@code failures}; the others are still measured.
 */
public final class TuneMeasureJobHandler implements JobHandler {

    private final ObjectStore store;
    private final Path workDirectory;
    private final DeploymentBuilder builder;
    private final BoardCatalogue boards;
    private final Duration compilerTimeLimit;
    private final WindowVerification verification;

    public TuneMeasureJobHandler(
            ObjectStore store,
            Path workDirectory,
            BoardCatalogue boards,
            Duration compilerTimeLimit,
            Duration qemuTimeLimit) {
        this.store = Objects.requireNonNull(store, "store");
        this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
        this.boards = Objects.requireNonNull(boards, "boards");
        this.compilerTimeLimit = compilerTimeLimit;
        this.builder = DeploymentBuilder.builder()
                .setCacheDirectory(workDirectory.resolve("cache"))
                .optBoards(boards)
                .build();
        // one QEMU at a time: a handful of windows per finalist, no stratified sample first
        this.verification = new WindowVerification(() -> QemuVerifier.standard(qemuTimeLimit), 50, 1, 0);
    }

    /** With the deploy job's defaults: 3 minutes per compiler run, 10 per QEMU run. */
    public TuneMeasureJobHandler(ObjectStore store, Path workDirectory) {
        this(store, workDirectory, BoardCatalogue.standard(), Duration.ofMinutes(3), Duration.ofMinutes(10));
    }

    @Override
    public String type() {
        return TuneMeasurePayload.TYPE;
    }

    @Override
    public void run(JobContext context) {
        TuneMeasurePayload payload = payload(context.payload());
        Board target = board(payload.target());
        Board emulator = board(payload.emulator());
        if (!emulator.emulated()) {
            throw new NonRetryableJobException(emulator.name() + " is not emulated; nothing can be measured on it");
        }
        context.log("Measuring " + payload.finalists().size() + " finalist(s) of tune job " + payload.tuneJobId()
                + " for " + target.name() + (target == emulator ? "" : ", run on " + emulator.name()));
        List<TuneMeasurement> measured = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int index = 0;
        for (TuneFinalist finalist : payload.finalists()) {
            context.throwIfCancelled();
            Path directory =
                    workDirectory.resolve("tune").resolve(context.jobId() + "-" + context.attempt() + "-" + index);
            try {
                measured.add(measure(context, finalist, target, emulator, directory));
            } catch (ToolNotFoundException e) {
                throw new NonRetryableJobException(e.getMessage(), e);
            } catch (DeploymentBuildFailedException | MeasureFailed e) {
                context.log(finalist.candidateId() + " not measured: " + e.getMessage());
                failures.add(finalist.candidateId() + ": " + e.getMessage());
            } finally {
                deleteQuietly(directory);
            }
            index++;
            context.progress(index / (double) payload.finalists().size());
        }
        context.result(JobJson.write(
                new TuneMeasureResult(payload.tuneJobId(), target.id(), emulator.id(), measured, failures)));
    }

    private TuneMeasurement measure(
            JobContext context, TuneFinalist finalist, Board target, Board emulator, Path directory) {
        String id = finalist.candidateId();
        ModelGraph model = model(finalist.modelKey());
        Impulse impulse = impulse(finalist);
        TestWindowFile.Windows windows = windows(finalist.windowsKey());
        BuildResult run = build(finalist, model, impulse, emulator, windows, directory.resolve("emulated"));
        DeployResult.EmulatedRun result = verification.verify(
                run.firmwareElf().orElseThrow(() -> new MeasureFailed("the build made no firmware image")),
                model,
                Optional.of(impulse),
                finalist.labels(),
                windows,
                DeploymentEstimator.networkInstructions(NetworkWorkload.of(model)),
                done -> {},
                context::throwIfCancelled,
                sample -> {});
        if (result instanceof DeployResult.RunFailed failed) {
            throw new MeasureFailed("the run in QEMU did not complete: " + failed.failure());
        }
        DeployResult.Instructions counts = result.instructions();
        if (counts == null || result.stackBytes() == null) {
            throw new MeasureFailed("the run reported no instruction count or stack");
        }
        BuildResult linked = target.id().equals(emulator.id())
                ? run
                : build(finalist, model, impulse, target, windows, directory.resolve("target"));
        MemoryReport.ImageMemory image = linked.memoryReport()
                .image()
                .orElseThrow(() -> new MeasureFailed("the build has no linked image to size"));
        long staticRam = ElfStaticRam.bytes(
                        linked.firmwareElf().orElseThrow(() -> new MeasureFailed("no image linked for the target")))
                .orElseThrow(() -> new MeasureFailed("the image's static RAM cannot be read"));
        // the RAM the linker reserves (stack reservation included) is what the board must hold and what the estimate
        // counts; the run's peak (static RAM plus the painted stack's high-water mark) is kept beside it
        long ram = image.ramBytes();
        long peak = staticRam + result.stackBytes();
        // measured instructions timed as the estimator times them on this board (1 cycle per instruction on the
        // emulated board, the core's average elsewhere), so the two latencies differ exactly where the counts do
        double cyclesPerInstruction = DeploymentEstimator.cyclesPerInstruction(target);
        double latencyMs = counts.max() * cyclesPerInstruction * 1000.0 / target.clockHz();
        TuneMeasurement m = new TuneMeasurement(
                id,
                result.verified(),
                result.windows(),
                counts.max(),
                counts.dsp() == null ? 0 : counts.dsp().max(),
                counts.network() == null ? counts.max() : counts.network().max(),
                latencyMs,
                ram,
                peak,
                image.flashBytes(),
                linked.memoryReport().arenaBytes(),
                String.format(
                        Locale.ROOT,
                        "%d raw validation windows run on %s (%s); %s",
                        result.windows(),
                        emulator.name(),
                        result.verified()
                                ? "every output equal to the reference"
                                : result.mismatchCount() + " outputs differ from the reference",
                        target.id().equals(emulator.id())
                                ? "flash and RAM of that image"
                                : "flash and static RAM of the image linked for " + target.name()
                                        + ", instructions and stack from the emulated run"));
        context.log(String.format(
                Locale.ROOT,
                "%s: %d instructions per inference (DSP %d, network %d) = %.2f ms at %.1f cycles per instruction and"
                        + " %d MHz; RAM %d B as linked (peak %d: static %d + stack %d), flash %d B, arena %d B; %s",
                id,
                m.instructions(),
                m.dspInstructions(),
                m.networkInstructions(),
                latencyMs,
                cyclesPerInstruction,
                target.clockHz() / 1_000_000,
                ram,
                peak,
                staticRam,
                result.stackBytes(),
                m.flashBytes(),
                m.arenaBytes(),
                result.verified() ? "verified" : "NOT verified"));
        return m;
    }

    private BuildResult build(
            TuneFinalist finalist,
            ModelGraph model,
            Impulse impulse,
            Board board,
            TestWindowFile.Windows windows,
            Path directory) {
        return builder.build(
                new BuildRequest(
                        "tune " + finalist.candidateId(),
                        model,
                        Optional.of(impulse),
                        finalist.labels(),
                        board.id(),
                        DeploymentFormat.FIRMWARE,
                        windows.windows()),
                directory,
                compilerTimeLimit);
    }

    private ModelGraph model(String key) {
        try {
            return new TfliteReader().read(read(key));
        } catch (RuntimeException e) {
            throw new MeasureFailed("its model " + key + " cannot be read: " + e.getMessage());
        }
    }

    private static Impulse impulse(TuneFinalist finalist) {
        try {
            return ImpulseJson.read(finalist.impulse().toString());
        } catch (RuntimeException e) {
            throw new MeasureFailed("its impulse cannot be read: " + e.getMessage());
        }
    }

    private TestWindowFile.Windows windows(String key) {
        try {
            return TestWindowFile.read(read(key), key);
        } catch (IllegalArgumentException e) {
            throw new MeasureFailed(e.getMessage());
        }
    }

    private byte[] read(String key) {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    private Board board(String id) {
        return boards.find(id).orElseThrow(() -> new NonRetryableJobException("unknown board '" + id + "'"));
    }

    private static TuneMeasurePayload payload(String json) {
        TuneMeasurePayload payload;
        try {
            payload = JobJson.mapper().readValue(json, TuneMeasurePayload.class);
        } catch (JacksonException e) {
            throw new NonRetryableJobException(
                    "the payload is not a valid TuneMeasurePayload: " + e.getOriginalMessage());
        }
        if (!payload.problems().isEmpty()) {
            throw new NonRetryableJobException(
                    "the tune-measure job cannot run: " + String.join("; ", payload.problems()));
        }
        return payload;
    }

    private static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover directory wastes space but harms nothing: the next attempt uses another one
        }
    }

    /** One finalist could not be measured. */
    private static final class MeasureFailed extends RuntimeException {
        MeasureFailed(String message) {
            super(message);
        }
    }
}
