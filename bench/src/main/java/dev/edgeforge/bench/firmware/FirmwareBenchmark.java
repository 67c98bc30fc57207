package dev.edgeforge.bench.firmware;

import dev.edgeforge.core.device.NetworkCore;
import dev.edgeforge.core.interpreter.Interpreter;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.Tensor;
import dev.edgeforge.core.tflite.TfliteReader;
import dev.edgeforge.firmware.bundle.BuildRequest;
import dev.edgeforge.firmware.bundle.BuildResult;
import dev.edgeforge.firmware.bundle.DeploymentBuilder;
import dev.edgeforge.firmware.codegen.FirmwareApplication;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.dsp.DeviceDspCounts;
import dev.edgeforge.firmware.qemu.DeviceBanner;
import dev.edgeforge.firmware.qemu.InferenceResult;
import dev.edgeforge.firmware.qemu.QemuRunner;
import dev.edgeforge.firmware.qemu.QemuSession;
import dev.edgeforge.firmware.qemu.SerialProtocolClient;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.deploy.DeploymentFormat;
import dev.edgeforge.jobs.deploy.MemoryReport;
import dev.edgeforge.jobs.estimate.DspCosts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The firmware benchmark ({@code ./edgeforge bench firmware}): imports the four MLPerf Tiny int8 models, builds each
 * as a {@code firmware} deployment for the emulated STM32F405 ({@code netduinoplus2-qemu}) through the deployment
 * builder, runs it in QEMU ({@code -icount shift=0}: TIM2 counts instructions) on every golden input, checks the
 * outputs against TensorFlow Lite Micro's bit for bit (and the boot line against the Java interpreter), and reports
 * per model: instructions per inference, arena next to the liveness bound, flash split into code and model data,
 * RAM with the stack's high-water mark, build seconds cold, warm and from the cache, and TFLite Micro's figures
 * (README of the models' folder) and the targets beside them; then every DSP block's C twin at its default
 * settings, its instructions per window in QEMU beside the estimator's ({@code dspBlocks}). Prints a table and writes
 * {@code bench/results/firmware-<date>.json}; exits with 1 when an output differs from the golden one.
 *
 * <p>Arguments (optional): the models' folder (default: {@code shared/models/mlperf-tiny} found upwards from the
 * working directory), then the results folder (default {@code bench/results}).
 */
public final class FirmwareBenchmark {

    /** One model and the figures it is measured against. */
    record Model(
            String file,
            String name,
            double tflmReferenceMega,
            double tflmCmsisNnMega,
            int tflmArenaBytes,
            long tflmFlashBytes,
            double xCubeAiMega,
            double targetMega,
            double arenaTargetOfBound) {}

    /** TFLite Micro on the same emulator (the folder's README) and issue #15's X-CUBE-AI estimates and targets. */
    static final List<Model> MODELS = List.of(
            new Model("kws_ref_model", "KWS DS-CNN", 43.0, 7.70, 22_824, 139_596, 5.2, 6.3, 1.0),
            new Model("pretrainedResnet_quant", "ResNet-8", 107.4, 29.9, 55_000, 179_024, 19.9, 24.0, 1.0),
            new Model("vww_96_int8", "VWW MobileNet 0.25", 100.3, 24.1, 100_712, 418_944, 10.7, 12.9, 0.8),
            new Model("ad01_int8", "AD autoencoder", 1.95, 0.583, 3_012, 310_320, 0.575, 0.5, 1.0));

    /** Flash a build may use beyond its model data. */
    static final long CODE_BUDGET_BYTES = 20 * 1024;

    private static final Duration BUILD_LIMIT = Duration.ofMinutes(5);
    private static final Duration ANSWER = Duration.ofSeconds(120);

    private FirmwareBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path models = args.length > 0 ? Path.of(args[0]) : modelsFolder();
        Path results = args.length > 1 ? Path.of(args[1]) : Path.of("bench", "results");
        Path work = Files.createTempDirectory("firmware-benchmark");
        JsonMapper json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode report = json.createObjectNode();
        report.put("benchmark", "firmware");
        report.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        report.put("board", BoardCatalogue.QEMU_BOARD_ID);
        report.put("counter", "instructions (QEMU -icount shift=0, TIM2)");
        ArrayNode rows = report.putArray("models");
        boolean allExact = true;
        try {
            for (Model model : MODELS) {
                ObjectNode row = measure(model, models, work.resolve(model.file()), json);
                rows.add(row);
                allExact &= row.get("goldenExact").asBoolean();
                System.out.println(line(row));
            }
            // the MLPerf models come without an impulse: the DSP blocks' own instructions per window, beside them
            ArrayNode dsp = report.putArray("dspBlocks");
            for (DeviceDspCounts.Case c : DeviceDspCounts.defaults()) {
                DeviceDspCounts.Count count =
                        DeviceDspCounts.count(c, work.resolve("dsp-" + c.name().replaceAll("[^A-Za-z0-9]+", "-")));
                double estimated = DspCosts.instructions(c.params().createBlock(), c.shape(), c.sample());
                ObjectNode row = dsp.addObject();
                row.put("block", c.name());
                row.put("windowSample", c.sample().cType());
                row.put("instructionsPerWindow", count.first());
                row.put("repeatable", count.first() == count.second());
                row.put("counter", count.counterUnit());
                row.put("estimated", Math.round(estimated));
                row.put("estimateError", (estimated - count.first()) / count.first());
                System.out.printf(
                        Locale.ROOT,
                        "DSP %-70s %,12d %s per window (estimate %,.0f, %+.1f %%)%n",
                        c.name(),
                        count.first(),
                        count.counterUnit(),
                        estimated,
                        100 * (estimated - count.first()) / count.first());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while counting the DSP blocks", e);
        } finally {
            deleteTree(work);
        }
        Files.createDirectories(results);
        Path file = results.resolve("firmware-" + report.get("date").asString() + ".json");
        Files.writeString(file, json.writeValueAsString(report) + "\n");
        System.out.println("written " + file);
        if (!allExact) {
            System.out.println("an output differs from TFLite Micro's golden output");
            System.exit(1);
        }
    }

    private static ObjectNode measure(Model model, Path folder, Path work, JsonMapper json) throws IOException {
        ModelGraph graph = new TfliteReader().read(Files.readAllBytes(folder.resolve(model.file() + ".tflite")));
        List<byte[][]> golden = golden(folder.resolve(model.file() + ".golden.json"), json);
        List<TestWindow> windows = new ArrayList<>();
        golden.forEach(c -> windows.add(TestWindow.quantized(c[0], null)));
        BuildRequest request = new BuildRequest(
                model.file(),
                graph,
                Optional.empty(),
                List.of(),
                BoardCatalogue.QEMU_BOARD_ID,
                DeploymentFormat.FIRMWARE,
                windows);

        // Cold: the first build in this JVM for this model, empty cache; warm: the same build again with an empty
        // cache (the JVM and the compiler's files warm); cached: the same build from the builder's cache.
        DeploymentBuilder builder = DeploymentBuilder.builder()
                .setCacheDirectory(work.resolve("cache"))
                .build();
        long start = System.nanoTime();
        BuildResult cold = builder.build(request, work.resolve("cold"), BUILD_LIMIT);
        double coldSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        DeploymentBuilder.builder()
                .setCacheDirectory(work.resolve("cache2"))
                .build()
                .build(request, work.resolve("warm"), BUILD_LIMIT);
        double warmSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        BuildResult cached = builder.build(request, work.resolve("cached"), BUILD_LIMIT);
        double cachedSeconds = (System.nanoTime() - start) / 1e9;
        if (!cached.fromCache()) {
            throw new IllegalStateException("the second identical build did not come from the cache");
        }
        if (!cold.compilerOutput().isEmpty()) {
            throw new IllegalStateException("compiler warnings: " + cold.compilerOutput());
        }

        // The device: the boot line, every golden input, then `info` for the stack's high-water mark.
        NetworkCore core = NetworkCore.of(graph);
        List<InferenceResult> results = new ArrayList<>();
        DeviceBanner banner;
        String info;
        try (QemuSession session = QemuRunner.builder()
                .optTimeLimit(Duration.ofMinutes(10))
                .build()
                .start(cold.firmwareElf().orElseThrow())) {
            SerialProtocolClient client = new SerialProtocolClient(session, ANSWER);
            banner = client.awaitReady();
            for (byte[][] c : golden) {
                results.add(client.run(c[0]));
            }
            info = client.exchange("info");
            client.quit();
            session.awaitExit(ANSWER);
        }
        int exact = 0;
        for (int i = 0; i < golden.size(); i++) {
            exact += Arrays.equals(results.get(i).output(), golden.get(i)[1]) ? 1 : 0;
        }
        byte[] bootInput = golden.get(0)[0].length > FirmwareApplication.STORED_BOOT_INPUT_BYTES
                ? FirmwareApplication.generatedInput(core.input().byteSize(), FirmwareApplication.GENERATED_BOOT_SEED)
                : golden.get(0)[0];
        byte[] bootExpected = new Interpreter(core.graph()).runInt8(bootInput);
        boolean bootExact = Arrays.equals(banner.bootResult().orElseThrow().output(), bootExpected);

        MemoryReport memory = cold.memoryReport();
        MemoryReport.ImageMemory image = memory.image().orElseThrow();
        long modelData = image.flashByFile().entrySet().stream()
                .filter(file -> file.getKey().endsWith("model_data.o"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        long tensorBytes = graph.tensors().stream()
                .filter(Tensor::isConstant)
                .mapToLong(Tensor::byteSize)
                .sum();
        long stackReserved = image.sections().stream()
                .filter(s -> s.name().equals(".stack"))
                .mapToLong(MemoryReport.SectionUsage::bytes)
                .sum();
        long staticRam = image.ramBytes() - stackReserved;
        long stack = Long.parseLong(field(info, "stack"));
        long maxCount = results.stream().mapToLong(InferenceResult::count).max().orElseThrow();
        long minCount = results.stream().mapToLong(InferenceResult::count).min().orElseThrow();

        ObjectNode row = json.createObjectNode();
        row.put("model", model.name());
        row.put("file", model.file());
        row.put("goldenCases", golden.size());
        row.put("goldenExact", exact == golden.size() && bootExact);
        row.put("bootLineExact", bootExact);
        ObjectNode instructions = row.putObject("instructionsPerInference");
        instructions.put("network", maxCount);
        instructions.put("networkMin", minCount);
        instructions.putNull("dsp"); // the MLPerf models come without an impulse
        instructions.put("target", Math.round(model.targetMega() * 1e6));
        instructions.put("withinTarget", maxCount <= model.targetMega() * 1e6);
        ObjectNode versus = instructions.putObject("ratioTo");
        versus.put("tflmReference", ratio(maxCount, model.tflmReferenceMega() * 1e6));
        versus.put("tflmCmsisNn", ratio(maxCount, model.tflmCmsisNnMega() * 1e6));
        versus.put("xCubeAi", ratio(maxCount, model.xCubeAiMega() * 1e6));
        ObjectNode arena = row.putObject("arena");
        arena.put("bytes", memory.arenaBytes());
        arena.put("livenessBound", memory.arenaLowerBound());
        arena.put("ofBound", ratio(memory.arenaBytes(), memory.arenaLowerBound()));
        arena.put("target", model.arenaTargetOfBound());
        arena.put("withinTarget", memory.arenaBytes() <= model.arenaTargetOfBound() * memory.arenaLowerBound());
        arena.put("tflmArena", model.tflmArenaBytes());
        arena.put("ratioToTflm", ratio(memory.arenaBytes(), model.tflmArenaBytes()));
        ObjectNode flash = row.putObject("flash");
        flash.put("bytes", image.flashBytes());
        flash.put("modelData", modelData);
        flash.put("code", image.flashBytes() - modelData);
        flash.put("tfliteTensorBytes", tensorBytes);
        flash.put("withinWeightsPlus20KB", image.flashBytes() <= modelData + CODE_BUDGET_BYTES);
        flash.put("tflmFlash", model.tflmFlashBytes());
        flash.put("ratioToTflm", ratio(image.flashBytes(), model.tflmFlashBytes()));
        ObjectNode ram = row.putObject("ram");
        ram.put("static", staticRam);
        ram.put("stackHighWater", stack);
        ram.put("total", staticRam + stack);
        ram.put("stackReserved", stackReserved);
        ObjectNode build = row.putObject("buildSeconds");
        build.put("cold", round(coldSeconds));
        build.put("warm", round(warmSeconds));
        build.put("cached", round(cachedSeconds));
        return row;
    }

    private static String line(JsonNode row) {
        JsonNode i = row.get("instructionsPerInference");
        JsonNode a = row.get("arena");
        JsonNode f = row.get("flash");
        JsonNode r = row.get("ram");
        JsonNode b = row.get("buildSeconds");
        return String.format(
                Locale.ROOT,
                "%-20s %8.3f M instr (target %.1f M %s; x%.2f of TFLM+CMSIS-NN, x%.2f of"
                        + " X-CUBE-AI) | arena %,d B = %.2f of bound %,d B (%s) | flash %,d B = code %,d + model"
                        + " data %,d (%s) | RAM %,d B + stack %,d B | build %.1f s cold, %.1f s warm, %.2f s cached"
                        + " | golden %s",
                row.get("model").asString(),
                i.get("network").asLong() / 1e6,
                i.get("target").asLong() / 1e6,
                i.get("withinTarget").asBoolean() ? "ok" : "MISSED",
                i.get("ratioTo").get("tflmCmsisNn").asDouble(),
                i.get("ratioTo").get("xCubeAi").asDouble(),
                a.get("bytes").asInt(),
                a.get("ofBound").asDouble(),
                a.get("livenessBound").asInt(),
                a.get("withinTarget").asBoolean() ? "ok" : "MISSED",
                f.get("bytes").asLong(),
                f.get("code").asLong(),
                f.get("modelData").asLong(),
                f.get("withinWeightsPlus20KB").asBoolean() ? "ok" : "MISSED",
                r.get("static").asLong(),
                r.get("stackHighWater").asLong(),
                b.get("cold").asDouble(),
                b.get("warm").asDouble(),
                b.get("cached").asDouble(),
                row.get("goldenExact").asBoolean() ? "exact" : "DIFFERENT");
    }

    private static String field(String line, String key) {
        for (String word : line.trim().split("\\s+")) {
            if (word.startsWith(key + "=")) {
                return word.substring(key.length() + 1);
            }
        }
        throw new IllegalStateException("no " + key + "= in '" + line + "'");
    }

    private static double ratio(double value, double reference) {
        return Math.round(value / reference * 1000) / 1000.0;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }

    /** Each case as {input, output}. */
    private static List<byte[][]> golden(Path file, JsonMapper json) throws IOException {
        JsonNode root = json.readTree(Files.readString(file));
        List<byte[][]> cases = new ArrayList<>();
        Base64.Decoder base64 = Base64.getDecoder();
        for (JsonNode node : root.get("cases")) {
            cases.add(new byte[][] {
                base64.decode(node.get("input").asString()),
                base64.decode(node.get("output").asString())
            });
        }
        return cases;
    }

    private static Path modelsFolder() {
        Path relative = Path.of("shared", "models", "mlperf-tiny");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(
                    dir.resolve(relative), dir.resolve("..").resolve(relative).normalize())) {
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no shared/models/mlperf-tiny above "
                + Path.of("").toAbsolutePath() + "; pass the models' folder as the first argument");
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
