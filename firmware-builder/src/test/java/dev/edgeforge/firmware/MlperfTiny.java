package dev.edgeforge.firmware;

import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.tflite.TfliteReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four MLPerf Tiny int8 models and their golden outputs (TFLite Micro's reference kernels) from the shared
 * folder {@code shared/models/mlperf-tiny}, found by walking up from the working directory (so both
 * {@code /work/main/../shared} and a CI clone beside {@code shared/} work). Tests fail, never skip, without it.
 */
public final class MlperfTiny {

    /** A model: its file name without extension, a short name, TFLM's instructions per inference with CMSIS-NN. */
    public record Model(
            String file,
            String shortName,
            double tflmCmsisNnMegaInstructions,
            double tflmReferenceMegaInstructions,
            int tflmArenaBytes) {}

    /** From the folder's README (TFLM on QEMU netduinoplus2, -icount shift=0, TIM2). */
    public static final List<Model> MODELS = List.of(
            new Model("kws_ref_model", "kws", 7.70, 43.0, 22_824),
            new Model("pretrainedResnet_quant", "resnet8", 29.9, 107.4, 55_000),
            new Model("vww_96_int8", "vww", 24.1, 100.3, 100_712),
            new Model("ad01_int8", "ad", 0.583, 1.95, 3_012));

    /** One golden case: an int8 input and TFLM's int8 output. */
    public record GoldenCase(byte[] input, byte[] output) {}

    private MlperfTiny() {}

    public static Path directory() {
        Path relative = Path.of("shared", "models", "mlperf-tiny");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(
                    dir.resolve(relative), dir.resolve("..").resolve(relative).normalize())) {
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("MLPerf Tiny models not found: no shared/models/mlperf-tiny in "
                + Path.of("").toAbsolutePath() + " or any parent folder (or beside one)");
    }

    public static ModelGraph graph(Model model) {
        return new TfliteReader().read(read(directory().resolve(model.file() + ".tflite")));
    }

    public static List<GoldenCase> golden(Model model) {
        JsonNode root = JsonMapper.builder().build().readTree(read(directory().resolve(model.file() + ".golden.json")));
        List<GoldenCase> cases = new ArrayList<>();
        Base64.Decoder base64 = Base64.getDecoder();
        for (JsonNode node : root.get("cases")) {
            cases.add(new GoldenCase(
                    base64.decode(node.get("input").asString()),
                    base64.decode(node.get("output").asString())));
        }
        return cases;
    }

    /** Models by short name, for parameterized tests. */
    public static Map<String, Model> byShortName() {
        Map<String, Model> models = new LinkedHashMap<>();
        MODELS.forEach(model -> models.put(model.shortName(), model));
        return models;
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
