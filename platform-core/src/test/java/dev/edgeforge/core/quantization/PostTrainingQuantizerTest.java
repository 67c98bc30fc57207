package dev.edgeforge.core.quantization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.interpreter.Interpreter;
import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.model.Quantization;
import dev.edgeforge.core.model.SmallFloatModels;
import dev.edgeforge.core.model.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PostTrainingQuantizerTest {

    @Test
    void activationQuantizationIncludesZeroAndNudgesTheZeroPoint() {
        // [-1, 3]: scale 4/255, zero point round(-128 + 1/(4/255)) = round(-64.25) = -64.
        Quantization q = PostTrainingQuantizer.activationQuantization(-1f, 3f);
        assertThat(q.scale()).isEqualTo((float) (4.0 / 255));
        assertThat(q.zeroPoint()).isEqualTo(-64);
        // [2, 6] widens to [0, 6]: zero point -128.
        Quantization relu = PostTrainingQuantizer.activationQuantization(2f, 6f);
        assertThat(relu.scale()).isEqualTo((float) (6.0 / 255));
        assertThat(relu.zeroPoint()).isEqualTo(-128);
        // [-5, -1] widens to [-5, 0]: zero point 127.
        assertThat(PostTrainingQuantizer.activationQuantization(-5f, -1f).zeroPoint())
                .isEqualTo(127);
    }

    @Test
    void weightsAreSymmetricPerChannel() {
        float[] weights = {0.5f, -1f, 0.25f, 2f, -0.5f, 0f};
        PostTrainingQuantizer.QuantizedWeights q =
                PostTrainingQuantizer.quantizeWeights(weights, new int[] {2, 3}, 0, true);
        // Channel 0: max |w| = 1 → scale 1/127; 0.5 × 127 = 63.5 rounds away from zero to 64.
        // Channel 1: max |w| = 2 → scale 2/127; 2 → 127, -0.5 → -31.75 → -32.
        assertThat(q.values()).containsExactly(64, -127, 32, 127, -32, 0);
        assertThat(q.quantization().scales()).containsExactly(1f / 127, 2f / 127);
        assertThat(q.quantization().zeroPoints()).containsExactly(0, 0);
        assertThat(q.quantization().quantizedDimension()).isZero();
    }

    @Test
    void quantizesAHandComputedDenseLayer() {
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("in", DataType.FLOAT32, new int[] {1, 2});
        int w = b.addFloatConstant("w", new int[] {1, 2}, new float[] {0.5f, -1f});
        int bias = b.addFloatConstant("b", new int[] {1}, new float[] {1f});
        int out = b.addTensor("out", DataType.FLOAT32, new int[] {1, 1});
        b.addOperator(
                OpType.FULLY_CONNECTED, FullyConnectedOptions.of(Activation.NONE), new int[] {in, w, bias}, new int[] {
                    out
                });
        ModelGraph floatGraph = b.setInputs(in).setOutputs(out).build();
        // Inputs span [-1, 3] on both features; outputs 0.5x - y + 1 are -2.5 and 3.5: scale 6/255, zero point
        // round(-128 + 2.5 / (6/255)) = round(-21.75) = -22.
        List<float[]> calibration = List.of(new float[] {-1f, 3f}, new float[] {3f, -1f});

        ModelGraph q = new PostTrainingQuantizer().quantize(floatGraph, calibration);

        Tensor qIn = q.tensor(in);
        assertThat(qIn.type()).isEqualTo(DataType.INT8);
        assertThat(qIn.quantization()).isEqualTo(Quantization.perTensor((float) (4.0 / 255), -64));
        Tensor qW = q.tensor(w);
        assertThat(qW.int8Data()).containsExactly(64, -127);
        assertThat(qW.quantization()).isEqualTo(Quantization.perTensor(1f / 127, 0));
        Tensor qB = q.tensor(bias);
        float biasScale = (float) (4.0 / 255) * (1f / 127);
        assertThat(qB.quantization().scale()).isEqualTo(biasScale);
        assertThat(qB.int32Data()).containsExactly((int) Math.round(1.0 / biasScale));
        Tensor qOut = q.tensor(out);
        assertThat(qOut.quantization()).isEqualTo(Quantization.perTensor((float) (6.0 / 255), -22));
        // Real input (1, 1) → 0.5 - 1 + 1 = 0.5.
        Interpreter interpreter = new Interpreter(q);
        byte[] input = {(byte) (Math.round(1 / (4.0 / 255)) - 64), (byte) (Math.round(1 / (4.0 / 255)) - 64)};
        interpreter.runInt8(input);
        assertThat(interpreter.outputValues(0)[0]).isCloseTo(0.5f, Offset.offset(0.03f));
    }

    @Test
    void quantizedConvNetFollowsTheSpecAndAgreesWithFloat() {
        ModelGraph floatGraph = SmallFloatModels.convNet(7);
        Random random = new Random(11);
        List<float[]> calibration = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            calibration.add(SmallFloatModels.randomInput(random, 128));
        }
        ModelGraph q = new PostTrainingQuantizer().quantize(floatGraph, calibration);

        for (Tensor t : q.tensors()) {
            if (!t.isConstant()) {
                assertThat(t.type()).as(t.describe()).isEqualTo(DataType.INT8);
            }
        }
        for (Operator op : q.operators()) {
            Tensor input = q.tensor(op.input(0));
            Tensor output = q.tensor(op.output(0));
            switch (op.type()) {
                case CONV_2D, DEPTHWISE_CONV_2D -> {
                    Tensor filter = q.tensor(op.input(1));
                    int axis = op.type() == OpType.CONV_2D ? 0 : 3;
                    assertThat(filter.quantization().quantizedDimension()).isEqualTo(axis);
                    assertThat(filter.quantization().channelCount()).isEqualTo(filter.dim(axis));
                    assertThat(filter.quantization().zeroPoints()).containsOnly(0L);
                    for (byte v : filter.int8Data()) {
                        assertThat((int) v).isBetween(-127, 127);
                    }
                    Tensor bias = q.tensor(op.input(2));
                    assertThat(bias.type()).isEqualTo(DataType.INT32);
                    for (int c = 0; c < bias.elementCount(); c++) {
                        assertThat(bias.quantization().scale(c))
                                .isEqualTo(input.quantization().scale()
                                        * filter.quantization().scale(c));
                    }
                }
                case SOFTMAX -> assertThat(output.quantization()).isEqualTo(Quantization.perTensor(1f / 256, -128));
                case MAX_POOL_2D, AVERAGE_POOL_2D, RESHAPE ->
                    assertThat(output.quantization()).isEqualTo(input.quantization());
                default -> {}
            }
        }

        Interpreter floatInterpreter = new Interpreter(floatGraph);
        Interpreter int8Interpreter = new Interpreter(q);
        Quantization inputQ = q.inputTensor(0).quantization();
        int agree = 0;
        float worst = 0;
        int cases = 200;
        for (int i = 0; i < cases; i++) {
            float[] x = SmallFloatModels.randomInput(random, 128);
            float[] expected = floatInterpreter.runFloat(x);
            byte[] qx = new byte[x.length];
            for (int j = 0; j < x.length; j++) {
                long v = Math.round(x[j] / inputQ.scale()) + inputQ.zeroPoint();
                qx[j] = (byte) Math.max(-128, Math.min(127, v));
            }
            int8Interpreter.runInt8(qx);
            float[] actual = int8Interpreter.outputValues(0);
            if (argmax(actual) == argmax(expected)) {
                agree++;
            }
            for (int c = 0; c < actual.length; c++) {
                worst = Math.max(worst, Math.abs(actual[c] - expected[c]));
            }
        }
        System.out.println("conv net int8 vs float32: " + agree + "/" + cases + " same class, worst probability"
                + " difference " + worst);
        assertThat(agree).isGreaterThanOrEqualTo(cases * 95 / 100);
        assertThat(worst).isLessThan(0.08f);
    }

    @Test
    void percentileCalibrationIgnoresARareOutlier() {
        ModelGraph floatGraph = SmallFloatModels.denseNet(3, 4, 2);
        Random random = new Random(5);
        List<float[]> calibration = new ArrayList<>();
        for (int i = 0; i < 999; i++) {
            calibration.add(SmallFloatModels.randomInput(random, 4));
        }
        calibration.add(new float[] {100f, -100f, 100f, -100f});
        ModelGraph minMax = new PostTrainingQuantizer().quantize(floatGraph, calibration);
        ModelGraph percentile =
                new PostTrainingQuantizer(QuantizationOptions.percentile(99.9)).quantize(floatGraph, calibration);
        float minMaxScale = minMax.inputTensor(0).quantization().scale();
        float percentileScale = percentile.inputTensor(0).quantization().scale();
        assertThat(minMaxScale).isCloseTo(200f / 255, Offset.offset(1e-4f));
        assertThat(percentileScale).isLessThan(minMaxScale / 20);
    }

    @Test
    void rejectsAnEmptyCalibrationSetAndNonFloatGraphs() {
        ModelGraph floatGraph = SmallFloatModels.denseNet(3, 4, 2);
        assertThatThrownBy(() -> new PostTrainingQuantizer().quantize(floatGraph, List.of()))
                .hasMessageContaining("calibration set is empty");
        ModelGraph q = new PostTrainingQuantizer().quantize(floatGraph, List.of(new float[4]));
        assertThatThrownBy(() -> new PostTrainingQuantizer().quantize(q, List.of(new float[4])))
                .hasMessageContaining("must be float32");
    }

    @Test
    void batchNormFoldingMatchesLayerThenBatchNorm() {
        float[] w = {1f, 2f, -1f, 0.5f}; // dense [2 units, 2 inputs]
        float[] bias = {0.1f, -0.2f};
        float[] gamma = {2f, 0.5f};
        float[] beta = {0.3f, -0.1f};
        float[] mean = {0.4f, 1f};
        float[] var = {4f, 0.25f};
        BatchNormFolding.Folded folded =
                BatchNormFolding.fold(w, new int[] {2, 2}, 0, bias, gamma, beta, mean, var, 0f);
        float[] x = {0.7f, -1.3f};
        for (int u = 0; u < 2; u++) {
            double layer = w[u * 2] * x[0] + w[u * 2 + 1] * x[1] + bias[u];
            double bn = (layer - mean[u]) / Math.sqrt(var[u]) * gamma[u] + beta[u];
            double foldedOut = folded.weights()[u * 2] * x[0] + folded.weights()[u * 2 + 1] * x[1] + folded.bias()[u];
            assertThat(foldedOut).isCloseTo(bn, Offset.offset(1e-5));
        }
        // Depthwise layout [1, h, w, channels] folds along axis 3.
        BatchNormFolding.Folded dw = BatchNormFolding.fold(
                new float[] {1f, 1f, 1f, 1f}, new int[] {1, 2, 1, 2}, 3, null, gamma, beta, mean, var, 0f);
        assertThat(dw.weights()).containsExactly(1f, 1f, 1f, 1f);
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
