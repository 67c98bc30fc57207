package dev.edgeforge.core.quantization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.interpreter.FullyConnectedParams;
import dev.edgeforge.core.interpreter.Interpreter;
import dev.edgeforge.core.interpreter.PreparedModel;
import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Quantization;
import org.junit.jupiter.api.Test;

/**
 * A two-input, one-unit int8 fully-connected layer worked out by hand.
 *
 * <p>Input scale 0.5, zero point −1; weights [2, −4] at scale 0.25 (real 0.5, −1); bias 8 at scale 0.125 (real 1);
 * output scale 1, zero point 3. Input [3, 5] is real [2, 3]: 0.5×2 − 1×3 + 1 = −1, so output q = −1 + 3 = 2.
 * In integers: acc = 2×(3+1) − 4×(5+1) + 8 = −8; multiplier 0.125 = 2^30 × 2^-33 (shift −2);
 * SRDHM(−8, 2^30) = −4; −4 / 4 = −1; −1 + 3 = 2.
 */
class HandComputedFullyConnectedTest {

    private static ModelGraph graph(Activation activation) {
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("in", DataType.INT8, new int[] {1, 2}, Quantization.perTensor(0.5f, -1));
        int w = b.addInt8Constant("w", new int[] {1, 2}, Quantization.perTensor(0.25f, 0), new byte[] {2, -4});
        int bias = b.addInt32Constant("b", new int[] {1}, Quantization.perTensor(0.125f, 0), new int[] {8});
        int out = b.addTensor("out", DataType.INT8, new int[] {1, 1}, Quantization.perTensor(1f, 3));
        b.addOperator(
                OpType.FULLY_CONNECTED, FullyConnectedOptions.of(activation), new int[] {in, w, bias}, new int[] {out});
        return b.setInputs(in).setOutputs(out).build();
    }

    @Test
    void computesTheHandWorkedResult() {
        Interpreter interpreter = new Interpreter(graph(Activation.NONE));
        assertThat(interpreter.runInt8(new byte[] {3, 5})).containsExactly(2);
        assertThat(interpreter.outputValues(0)).containsExactly(-1f);
    }

    @Test
    void preparesTheHandWorkedParams() {
        FullyConnectedParams p = (FullyConnectedParams)
                PreparedModel.prepare(graph(Activation.RELU)).operators().get(0).params();
        assertThat(p.inputOffset()).isEqualTo(1);
        assertThat(p.weightsOffset()).isZero();
        assertThat(p.outputOffset()).isEqualTo(3);
        assertThat(p.outputMultiplier()).containsExactly(1 << 30);
        assertThat(p.outputShift()).containsExactly(-2);
        // ReLU clamps at the quantized zero, which is the zero point 3.
        assertThat(p.activationMin()).isEqualTo(3);
        assertThat(p.activationMax()).isEqualTo(127);
        assertThat(new Interpreter(graph(Activation.RELU)).runInt8(new byte[] {3, 5}))
                .containsExactly(3);
    }
}
