package dev.edgeforge.core.tflite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four MLPerf Tiny int8 models and their golden outputs, from the shared folder beside the repository
 * ({@code ../shared/models/mlperf-tiny}). Tests fail, never skip, when the folder cannot be found.
 */
public final class MlperfTinyModels {

    /** File names without extension. */
    public static final List<String> NAMES =
            List.of("kws_ref_model", "pretrainedResnet_quant", "vww_96_int8", "ad01_int8");

    private MlperfTinyModels() {}

    /** The folder holding the models. */
    public static Path directory() {
        String configured = System.getProperty("edgeforge.mlperf.dir", System.getenv("EDGEFORGE_MLPERF_DIR"));
        if (configured != null) {
            return Paths.get(configured);
        }
        Path relative = Paths.get("shared", "models", "mlperf-tiny");
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        Path fallback = Paths.get("/work/shared/models/mlperf-tiny");
        if (Files.isDirectory(fallback)) {
            return fallback;
        }
        throw new IllegalStateException("MLPerf Tiny models not found: expected shared/models/mlperf-tiny in a"
                + " parent folder of " + Paths.get("").toAbsolutePath() + " (or set EDGEFORGE_MLPERF_DIR)");
    }

    public static byte[] tflite(String name) {
        return read(directory().resolve(name + ".tflite"));
    }

    /** One golden case: int8 input, TFLM reference output, TFLite XNNPACK output. */
    public record GoldenCase(byte[] input, byte[] output, byte[] xnnpackOutput) {}

    public static List<GoldenCase> golden(String name) {
        JsonNode root = JsonMapper.builder().build().readTree(read(directory().resolve(name + ".golden.json")));
        List<GoldenCase> cases = new ArrayList<>();
        Base64.Decoder base64 = Base64.getDecoder();
        for (JsonNode node : root.get("cases")) {
            cases.add(new GoldenCase(
                    base64.decode(node.get("input").asString()),
                    base64.decode(node.get("output").asString()),
                    base64.decode(node.get("tflite_xnnpack_output").asString())));
        }
        return cases;
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
