package dev.edgeforge.bench.verify;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.dsp.ImageNormalization;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.impulse.CameraFrame;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.PixelFormat;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.firmware.ImageShapes;
import dev.edgeforge.firmware.bundle.BuildRequest;
import dev.edgeforge.firmware.bundle.BuildResult;
import dev.edgeforge.firmware.bundle.DeploymentBuilder;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.job.TestWindowFile;
import dev.edgeforge.firmware.job.WindowVerification;
import dev.edgeforge.firmware.verification.QemuVerifier;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.deploy.DeployResult;
import dev.edgeforge.jobs.deploy.DeploymentFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The verification benchmark ({@code ./edgeforge bench verify}): a generated image test set (shapes, 160×120
 * pictures) and a small int8 CNN on {@code size × size} RGB ({@link ImageShapes}) built as a firmware deployment for
 * {@code netduinoplus2-qemu}, verified three ways:
 * <ol>
 *   <li><b>before</b>: the server's int8 features as hex text lines, one QEMU, every window in order (the protocol of
 *       issue #20's 16.6 minutes); run on the first {@code beforeWindows} windows only and given per window, since
 *       the full set takes a quarter of an hour;</li>
 *   <li><b>serial</b>: the camera frames ({@code size × size} RGB888) through the device's own image block, binary
 *       frames over the serial line, one QEMU per instance, on the first {@code cameraWindows} windows;</li>
 *   <li><b>after</b>: the same frames written into the image's free flash by QEMU's loader and run with {@code
 *       batch} (the rest of a run, if any, as frames), the stratified sample first: wall-clock time to the sample's
 *       result and to the whole set;</li>
 *   <li><b>camera</b>: the same with 160×120 (QQVGA) RGB565 frames, resized on the device, on the first
 *       {@code cameraWindows} windows (5.5 times the bytes per window).</li>
 * </ol>
 * Every run must verify bit for bit (exit 1 otherwise). Each run's CPU seconds (the JVM's and its QEMUs') and the
 * load average before and after it are printed beside its wall time: the machine is shared. Prints a table and writes
 * {@code bench/results/verify-<date>.json}. The target: 768 windows in under 2 minutes on 2 cores.
 *
 * <p>Arguments (optional): windows (768), size (48), instances (the processors), sample (200), beforeWindows (48),
 * cameraWindows (96), results folder ({@code bench/results}).
 */
public final class VerificationBenchmark {

    private static final Duration BUILD_LIMIT = Duration.ofMinutes(5);

    private VerificationBenchmark() {}

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 768;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 48;
        int instances = args.length > 2
                ? Integer.parseInt(args[2])
                : Runtime.getRuntime().availableProcessors();
        int sample = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int beforeWindows = args.length > 4 ? Integer.parseInt(args[4]) : 48;
        int cameraWindows = args.length > 5 ? Integer.parseInt(args[5]) : 96;
        Path results = Path.of(args.length > 6 ? args[6] : "bench/results");
        Path work = Files.createTempDirectory("edgeforge-verify-bench-");
        List<ImageShapes.Picture> pictures = ImageShapes.pictures(count, 160, 120, 20);
        ModelGraph model = ImageShapes.model(size, 3, 7);
        JsonMapper json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode report = json.createObjectNode();
        report.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        report.put("windows", count);
        report.put("size", size);
        report.put("instances", instances);
        report.put("processors", Runtime.getRuntime().availableProcessors());
        report.put("sample", sample);
        boolean allVerified = true;

        // before: server features over hex lines, one emulator, no sample
        ImageParams inputSized = new ImageParams(ImageNormalization.ZERO_TO_ONE);
        Impulse impulse = ImageShapes.impulse(size, ColorDepth.RGB, inputSized);
        ImpulseDsp dsp = ImpulseDsp.of(impulse);
        List<TestWindow> frames = frames(pictures, size, size, PixelFormat.RGB888);
        List<TestWindow> features = new ArrayList<>();
        for (TestWindow frame : frames.subList(0, Math.min(beforeWindows, frames.size()))) {
            features.add(TestWindow.features(
                    dsp.features(frame.values()), frame.label().orElse(null)));
        }
        Path elf = build(model, impulse, frames, work.resolve("rgb888"));
        QemuVerifier verifier = QemuVerifier.standard(Duration.ofMinutes(30));
        Run before = run(elf, model, impulse, features, () -> verifier.withTextLines(), 1, 0);
        allVerified &= before.verified();
        double beforePerWindow = before.seconds() / features.size();
        ObjectNode b = report.putObject("before");
        b.put("windows", features.size());
        b.put("seconds", before.seconds());
        b.put("secondsPerWindow", beforePerWindow);
        b.put("extrapolatedSecondsForAll", beforePerWindow * count);
        b.put("path", before.result().path());
        b.put("cpuSeconds", before.cpuSeconds());
        b.put("cpuSecondsPerWindow", before.cpuSeconds() / features.size());

        List<TestWindow> someFrames = frames.subList(0, Math.min(cameraWindows, frames.size()));
        Run serial = run(elf, model, impulse, someFrames, verifier::withSerialFramesOnly, instances, 0);
        allVerified &= serial.verified();
        put(report.putObject("serialFrames"), serial, someFrames.size());

        Run after = run(elf, model, impulse, frames, () -> verifier, instances, sample);
        allVerified &= after.verified();
        put(report.putObject("after"), after, count);

        ImageParams qqvga = new ImageParams(ImageNormalization.ZERO_TO_ONE, 160, 120, PixelFormat.RGB565);
        Impulse camera = ImageShapes.impulse(size, ColorDepth.RGB, qqvga);
        List<TestWindow> cameraFrames =
                frames(pictures.subList(0, Math.min(cameraWindows, pictures.size())), 160, 120, PixelFormat.RGB565);
        Path cameraElf = build(model, camera, cameraFrames, work.resolve("rgb565"));
        Run qqvgaRun = run(cameraElf, model, camera, cameraFrames, () -> verifier, instances, sample);
        allVerified &= qqvgaRun.verified();
        put(report.putObject("cameraQqvgaRgb565"), qqvgaRun, cameraFrames.size());

        System.out.printf(
                Locale.ROOT,
                "%-48s %8s %10s %10s %12s %10s %10s %8s%n",
                "verification of " + count + " " + size + "x" + size + " image windows",
                "windows",
                "sample s",
                "total s",
                "s/window",
                "CPU s",
                "CPU/window",
                "path");
        System.out.printf(
                Locale.ROOT,
                "%-48s %8d %10s %10.1f %12.3f %10.1f %10.3f %8s   (all %d: ~%.0f s)%n",
                "before: hex lines, 1 QEMU, server features",
                features.size(),
                "-",
                before.seconds(),
                beforePerWindow,
                before.cpuSeconds(),
                before.cpuSeconds() / features.size(),
                before.result().path(),
                count,
                beforePerWindow * count);
        line("serial: binary frames, " + instances + " QEMU, " + size + "x" + size + " RGB888", serial);
        line("after: flash batches, " + instances + " QEMU, " + size + "x" + size + " RGB888", after);
        line("camera: flash batches, " + instances + " QEMU, 160x120 RGB565", qqvgaRun);
        System.out.printf(
                Locale.ROOT,
                "target: %d windows in under 120 s on 2 cores -> %s (%.1f s on %d instances)%n",
                count,
                after.seconds() < 120 ? "met" : "NOT met",
                after.seconds(),
                instances);
        Files.createDirectories(results);
        Path file = results.resolve("verify-" + LocalDate.now(ZoneOffset.UTC) + ".json");
        json.writeValue(file.toFile(), report);
        System.out.println("wrote " + file);
        deleteTree(work);
        System.exit(allVerified ? 0 : 1);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private record Run(
            DeployResult.EmulatedRun result,
            double seconds,
            double sampleSeconds,
            boolean verified,
            double cpuSeconds,
            double loadBefore,
            double loadAfter) {}

    /**
     * CPU seconds of this JVM and of its children that ended (QEMU runs under prlimit, which execs it, so each run's
     * CPU time is added to the JVM's children's when the JVM reaps it): utime, stime, cutime and cstime of
     * {@code /proc/self/stat}, in clock ticks (100 a second on Linux).
     */
    private static double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the name: state is [0], utime [11], stime [12], cutime [13], cstime [14]
            long ticks = 0;
            for (int i = 11; i <= 14; i++) {
                ticks += Long.parseLong(fields[i]);
            }
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The one-minute load average ({@code /proc/loadavg}): how busy the machine was around a run. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static List<TestWindow> frames(List<ImageShapes.Picture> pictures, int w, int h, PixelFormat format) {
        List<TestWindow> windows = new ArrayList<>();
        for (ImageShapes.Picture picture : pictures) {
            byte[] frame = CameraFrame.of(picture.image(), w, h, format);
            float[] values = new float[frame.length];
            for (int i = 0; i < frame.length; i++) {
                values[i] = frame[i] & 0xFF;
            }
            windows.add(TestWindow.raw(values, picture.label()));
        }
        return windows;
    }

    private static Path build(ModelGraph model, Impulse impulse, List<TestWindow> windows, Path directory) {
        BuildResult built = DeploymentBuilder.builder()
                .setCacheDirectory(directory.resolve("cache"))
                .build()
                .build(
                        new BuildRequest(
                                "shapes",
                                model,
                                Optional.of(impulse),
                                ImageShapes.LABELS,
                                BoardCatalogue.QEMU_BOARD_ID,
                                DeploymentFormat.FIRMWARE,
                                windows.subList(0, 1)),
                        directory.resolve("build"),
                        BUILD_LIMIT);
        return built.firmwareElf().orElseThrow();
    }

    private static Run run(
            Path elf,
            ModelGraph model,
            Impulse impulse,
            List<TestWindow> windows,
            Supplier<QemuVerifier> verifier,
            int instances,
            int sample) {
        AtomicLong sampleAt = new AtomicLong();
        double loadBefore = loadAverage();
        double cpuBefore = cpuSeconds();
        long start = System.nanoTime();
        DeployResult.EmulatedRun result = new WindowVerification(verifier, 50, instances, sample)
                .verify(
                        elf,
                        model,
                        Optional.of(impulse),
                        ImageShapes.LABELS,
                        new TestWindowFile.Windows(
                                windows, TestWindowFile.SOURCE_TEST_SET, windows.size() + " windows"),
                        0,
                        done -> {},
                        () -> {},
                        interim -> sampleAt.set(System.nanoTime()));
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = cpuSeconds() - cpuBefore;
        double sampleSeconds = sampleAt.get() == 0 ? seconds : (sampleAt.get() - start) / 1e9;
        if (!(result instanceof DeployResult.Verified)) {
            System.out.println("NOT VERIFIED: " + result);
        }
        return new Run(
                result,
                seconds,
                sampleSeconds,
                result instanceof DeployResult.Verified,
                cpu,
                loadBefore,
                loadAverage());
    }

    private static void put(ObjectNode node, Run run, int count) {
        node.put("seconds", run.seconds());
        node.put("sampleSeconds", run.sampleSeconds());
        node.put("secondsPerWindow", run.seconds() / count);
        node.put("cpuSeconds", run.cpuSeconds());
        node.put("cpuSecondsPerWindow", run.cpuSeconds() / count);
        node.put("loadAverageBefore", run.loadBefore());
        node.put("loadAverageAfter", run.loadAfter());
        node.put("path", run.result().path());
        node.put("verified", run.verified());
        node.put("status", run.result().status());
        if (run.result().instructions() != null) {
            node.put("instructionsMean", run.result().instructions().mean());
            if (run.result().instructions().dsp() != null) {
                node.put(
                        "dspInstructionsMean", run.result().instructions().dsp().mean());
            }
        }
    }

    private static void line(String what, Run run) {
        System.out.printf(
                Locale.ROOT,
                "%-48s %8d %10.1f %10.1f %12.3f %10.1f %10.3f %8s   (load %.1f -> %.1f)%n",
                what,
                run.result().windows(),
                run.sampleSeconds(),
                run.seconds(),
                run.seconds() / run.result().windows(),
                run.cpuSeconds(),
                run.cpuSeconds() / run.result().windows(),
                run.result().path(),
                run.loadBefore(),
                run.loadAfter());
    }
}
