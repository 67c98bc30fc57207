package dev.edgeforge.core.tflite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TensorFlow Lite's own runtime (tools/tflite-runtime/run.js: the TFLite WASM build under Node) for tests. Fails with
 * a clear message, never skips, when Node or the npm packages are missing.
 */
public final class TfliteRuntime {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path toolDir;

    private TfliteRuntime(Path toolDir) {
        this.toolDir = toolDir;
    }

    /** Finds tools/tflite-runtime above the working directory and checks that its packages are installed. */
    public static TfliteRuntime locate() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path tool = dir.resolve("tools").resolve("tflite-runtime");
            if (Files.isRegularFile(tool.resolve("run.js"))) {
                if (!Files.isDirectory(
                        tool.resolve("node_modules").resolve("@tensorflow").resolve("tfjs-tflite"))) {
                    throw new IllegalStateException("the independent TFLite runtime is not installed: run"
                            + " `cd tools/tflite-runtime && npm ci` (" + tool + " has no node_modules)");
                }
                return new TfliteRuntime(tool);
            }
        }
        throw new IllegalStateException(
                "tools/tflite-runtime/run.js not found above " + Paths.get("").toAbsolutePath());
    }

    /** Result of one run: per case, per output, the output values. */
    public record Result(List<String> outputTypes, List<List<double[]>> cases) {
        /** Output 0 of case {@code index}. */
        public double[] output(int index) {
            return cases.get(index).get(0);
        }
    }

    /**
     * Runs {@code model} on each case (one value array per model input: int8 values or floats).
     */
    public Result run(byte[] model, List<double[][]> cases, Path workDir) throws IOException, InterruptedException {
        Path modelFile = Files.createTempFile(workDir, "model", ".tflite");
        Files.write(modelFile, model);
        ObjectNode request = JSON.createObjectNode();
        ArrayNode casesNode = request.putArray("cases");
        for (double[][] inputs : cases) {
            ArrayNode inputsNode = casesNode.addArray();
            for (double[] values : inputs) {
                ArrayNode valuesNode = inputsNode.addArray();
                for (double v : values) {
                    valuesNode.add(v);
                }
            }
        }
        Path requestFile = Files.createTempFile(workDir, "inputs", ".json");
        Files.writeString(requestFile, JSON.writeValueAsString(request));
        Path stdout = Files.createTempFile(workDir, "stdout", ".json");
        Path stderr = Files.createTempFile(workDir, "stderr", ".txt");
        Process process = new ProcessBuilder(
                        "node", toolDir.resolve("run.js").toString(), modelFile.toString(), requestFile.toString())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the TFLite runtime did not finish within 120 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the TFLite runtime failed (exit " + process.exitValue() + "): "
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        JsonNode response = JSON.readTree(Files.readString(stdout, StandardCharsets.UTF_8));
        List<String> types = new ArrayList<>();
        for (JsonNode output : response.get("outputs")) {
            types.add(output.get("dtype").asString());
        }
        List<List<double[]>> results = new ArrayList<>();
        for (JsonNode caseNode : response.get("results")) {
            List<double[]> outputs = new ArrayList<>();
            for (JsonNode output : caseNode) {
                double[] values = new double[output.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = output.get(i).asDouble();
                }
                outputs.add(values);
            }
            results.add(outputs);
        }
        return new Result(types, results);
    }
}
