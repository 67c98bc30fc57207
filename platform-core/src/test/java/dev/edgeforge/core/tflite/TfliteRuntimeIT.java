package dev.edgeforge.core.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.interpreter.Interpreter;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.Quantization;
import dev.edgeforge.core.model.SmallFloatModels;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import dev.edgeforge.core.quantization.QuantizationOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by {@link TfliteWriter} run in TensorFlow Lite's own runtime (TFLite WASM, XNNPACK, under Node) and
 * agree with the Java reference interpreter: float32 within 1e-4 relative, int8 the same class for every case and
 * outputs within a few quantization steps (TFLite's optimized kernels requantize in float). Needs
 * {@code cd tools/tflite-runtime && npm ci}; fails, never skips, without it.
 */
class TfliteRuntimeIT {

    /** Largest difference between XNNPACK and the reference math per model, from the models README. */
    private static final Map<String, Integer> XNNPACK_STEPS =
            Map.of("kws_ref_model", 9, "pretrainedResnet_quant", 31, "vww_96_int8", 1, "ad01_int8", 2);

    private static TfliteRuntime runtime;

    @TempDir
    Path workDir;

    @BeforeAll
    static void locateRuntime() {
        runtime = TfliteRuntime.locate();
    }

    @Test
    void rewrittenMlperfModelsGiveTfliteItsOwnOutputs() throws Exception {
        for (String name : MlperfTinyModels.NAMES) {
            ModelGraph graph = new TfliteReader().read(MlperfTinyModels.tflite(name));
            List<MlperfTinyModels.GoldenCase> golden = MlperfTinyModels.golden(name);
            List<double[][]> cases = new ArrayList<>();
            for (MlperfTinyModels.GoldenCase c : golden) {
                cases.add(new double[][] {toDoubles(c.input())});
            }
            long start = System.nanoTime();
            TfliteRuntime.Result result = runtime.run(new TfliteWriter().write(graph), cases, workDir);
            System.out.printf(
                    "%s: TFLite runtime ran the rewritten file in %d ms%n",
                    name, (System.nanoTime() - start) / 1_000_000);
            assertThat(result.outputTypes()).containsExactly("int8");
            Interpreter interpreter = new Interpreter(graph);
            for (int i = 0; i < golden.size(); i++) {
                double[] tflite = result.output(i);
                // The rewritten file gives exactly what TFLite computed from the original file.
                assertThat(tflite)
                        .as("%s case %d", name, i)
                        .containsExactly(toDoubles(golden.get(i).xnnpackOutput()));
                double[] reference = toDoubles(interpreter.runInt8(golden.get(i).input()));
                assertThat(maxDifference(tflite, reference))
                        .as("%s case %d steps", name, i)
                        .isLessThanOrEqualTo(XNNPACK_STEPS.get(name));
                if (reference.length <= 16) {
                    assertThat(argmax(tflite)).as("%s case %d class", name, i).isEqualTo(argmax(reference));
                }
            }
        }
    }

    @Test
    void floatModelsAgreeWithinOneInTenThousand() throws Exception {
        Random random = new Random(21);
        for (ModelGraph graph : List.of(SmallFloatModels.convNet(5), SmallFloatModels.denseNet(6, 12, 4))) {
            int size = graph.inputTensor(0).elementCount();
            List<float[]> inputs = new ArrayList<>();
            List<double[][]> cases = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                float[] x = SmallFloatModels.randomInput(random, size);
                inputs.add(x);
                cases.add(new double[][] {toDoubles(x)});
            }
            TfliteRuntime.Result result = runtime.run(new TfliteWriter().write(graph), cases, workDir);
            assertThat(result.outputTypes()).containsExactly("float32");
            Interpreter interpreter = new Interpreter(graph);
            for (int i = 0; i < inputs.size(); i++) {
                float[] expected = interpreter.runFloat(inputs.get(i));
                double[] actual = result.output(i);
                for (int c = 0; c < expected.length; c++) {
                    assertThat(Math.abs(actual[c] - expected[c]))
                            .as("case %d output %d: TFLite %s vs Java %s", i, c, actual[c], expected[c])
                            .isLessThanOrEqualTo(1e-4 * Math.abs(expected[c]) + 1e-7);
                }
            }
        }
    }

    @Test
    void quantizedModelsGiveTheSameClassWithinAFewSteps() throws Exception {
        Random random = new Random(22);
        List<ModelGraph> floatGraphs = List.of(SmallFloatModels.convNet(8), SmallFloatModels.denseNet(9, 12, 4));
        // Per-channel fully-connected weights (FULLY_CONNECTED version 12) are newer than this TFLite build, which
        // refuses them; the percentile option changes only the ranges.
        List<QuantizationOptions> options =
                List.of(QuantizationOptions.defaults(), QuantizationOptions.percentile(99.9));
        for (ModelGraph floatGraph : floatGraphs) {
            for (QuantizationOptions option : options) {
                int size = floatGraph.inputTensor(0).elementCount();
                List<float[]> calibration = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    calibration.add(SmallFloatModels.randomInput(random, size));
                }
                ModelGraph int8 = new PostTrainingQuantizer(option).quantize(floatGraph, calibration);
                Quantization inputQ = int8.inputTensor(0).quantization();
                List<byte[]> inputs = new ArrayList<>();
                List<double[][]> cases = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    byte[] q = quantize(SmallFloatModels.randomInput(random, size), inputQ);
                    inputs.add(q);
                    cases.add(new double[][] {toDoubles(q)});
                }
                TfliteRuntime.Result result = runtime.run(new TfliteWriter().write(int8), cases, workDir);
                assertThat(result.outputTypes()).containsExactly("int8");
                Interpreter interpreter = new Interpreter(int8);
                int worst = 0;
                for (int i = 0; i < inputs.size(); i++) {
                    double[] reference = toDoubles(interpreter.runInt8(inputs.get(i)));
                    double[] tflite = result.output(i);
                    worst = Math.max(worst, maxDifference(tflite, reference));
                    assertThat(argmax(tflite))
                            .as("case %d: TFLite %s vs Java %s", i, Arrays.toString(tflite), Arrays.toString(reference))
                            .isEqualTo(argmax(reference));
                }
                System.out.println(int8 + " " + option + ": worst difference " + worst + " steps");
                assertThat(worst).isLessThanOrEqualTo(3);
            }
        }
    }

    private static byte[] quantize(float[] values, Quantization q) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            long v = Math.round(values[i] / q.scale()) + q.zeroPoint();
            out[i] = (byte) Math.max(-128, Math.min(127, v));
        }
        return out;
    }

    private static int maxDifference(double[] a, double[] b) {
        int worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = (int) Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double[] toDoubles(byte[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
