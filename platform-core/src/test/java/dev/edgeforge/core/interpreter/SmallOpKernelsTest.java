package dev.edgeforge.core.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.AddOptions;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.NoOptions;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Padding;
import dev.edgeforge.core.model.Pool2DOptions;
import dev.edgeforge.core.model.Quantization;
import org.junit.jupiter.api.Test;

/** Operators the MLPerf golden cases do not reach, against hand-worked values. */
class SmallOpKernelsTest {

    @Test
    void quantizeRoundsHalfAwayFromZeroAndClamps() {
        // scale 0.5, zero point -3: 1.25 → round(2.5) - 3 = 0; -1.25 → round(-2.5) - 3 = -6; 1000 → 127.
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("x", DataType.FLOAT32, new int[] {3});
        int q = b.addTensor("q", DataType.INT8, new int[] {3}, Quantization.perTensor(0.5f, -3));
        int r = b.addTensor("r", DataType.INT8, new int[] {3}, Quantization.perTensor(0.25f, 1));
        int out = b.addTensor("y", DataType.FLOAT32, new int[] {3});
        b.addOperator(OpType.QUANTIZE, NoOptions.INSTANCE, new int[] {in}, new int[] {q});
        // Requantize to scale 0.25, zero point 1: multiplier 2 = 2^30 with shift 2; q 0 (real 1.5) → 6 + 1 = 7.
        b.addOperator(OpType.QUANTIZE, NoOptions.INSTANCE, new int[] {q}, new int[] {r});
        b.addOperator(OpType.DEQUANTIZE, NoOptions.INSTANCE, new int[] {r}, new int[] {out});
        ModelGraph graph = b.setInputs(in).setOutputs(q, out).build();
        Interpreter interpreter = new Interpreter(graph);
        interpreter.setInput(0, new float[] {1.25f, -1.25f, 1000f});
        interpreter.invoke();
        assertThat(interpreter.outputBytes(0)).containsExactly(0, -6, 127);
        // 0 → 7 → 0.25 × 6 = 1.5; -6 → 0.5 × -3 × 4 + 1 = -5 → -1.5; 127 → 2 × 130 + 1 = 261 → clamps to 127 → 31.5.
        assertThat(interpreter.outputValues(1)).containsExactly(1.5f, -1.5f, 31.5f);
    }

    @Test
    void quantizeSaturatesHugeInputsWithAPositiveZeroPoint() {
        // 1e30 / 1e-3 rounds to Integer.MAX_VALUE; adding zero point 5 must clamp to 127, not wrap to -128
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("x", DataType.FLOAT32, new int[] {2});
        int q = b.addTensor("q", DataType.INT8, new int[] {2}, Quantization.perTensor(1e-3f, 5));
        b.addOperator(OpType.QUANTIZE, NoOptions.INSTANCE, new int[] {in}, new int[] {q});
        Interpreter interpreter = new Interpreter(b.setInputs(in).setOutputs(q).build());
        interpreter.setInput(0, new float[] {1e30f, -1e30f});
        interpreter.invoke();
        assertThat(interpreter.outputBytes(0)).containsExactly(127, -128);
    }

    @Test
    void averagePoolRoundsAsTfliteMicroAndMaxPoolTakesTheMaximum() {
        Quantization q = Quantization.perTensor(0.1f, 0);
        for (OpType type : new OpType[] {OpType.AVERAGE_POOL_2D, OpType.MAX_POOL_2D}) {
            ModelGraph.Builder b = ModelGraph.builder();
            int in = b.addTensor("in", DataType.INT8, new int[] {1, 1, 2, 3}, q);
            int out = b.addTensor("out", DataType.INT8, new int[] {1, 1, 1, 3}, q);
            b.addOperator(
                    type, new Pool2DOptions(Padding.VALID, 1, 2, 1, 2, Activation.NONE), new int[] {in}, new int[] {out
                    });
            Interpreter interpreter =
                    new Interpreter(b.setInputs(in).setOutputs(out).build());
            // Channels: (1, 2), (-1, -2), (-1, 0).
            byte[] result = interpreter.runInt8(new byte[] {1, -1, -1, 2, -2, 0});
            if (type == OpType.AVERAGE_POOL_2D) {
                // 3 → (3 + 1) / 2 = 2; -3 → (-3 - 1) / 2 = -2; -1 → (-1 - 1) / 2 = -1.
                assertThat(result).containsExactly(2, -2, -1);
            } else {
                assertThat(result).containsExactly(2, -1, 0);
            }
        }
    }

    @Test
    void addBroadcastsFloatAndInt8() {
        ModelGraph.Builder b = ModelGraph.builder();
        int x = b.addTensor("x", DataType.FLOAT32, new int[] {2, 1});
        int y = b.addFloatConstant("y", new int[] {1, 3}, new float[] {10, 20, 30});
        int out = b.addTensor("out", DataType.FLOAT32, new int[] {2, 3});
        b.addOperator(OpType.ADD, new AddOptions(Activation.NONE), new int[] {x, y}, new int[] {out});
        Interpreter interpreter = new Interpreter(b.setInputs(x).setOutputs(out).build());
        assertThat(interpreter.runFloat(new float[] {1, 2})).containsExactly(11, 21, 31, 12, 22, 32);

        // int8, all scales 1 and zero points 0: plain integer addition with ReLU clamping negatives to 0.
        ModelGraph.Builder q = ModelGraph.builder();
        Quantization unit = Quantization.perTensor(1f, 0);
        int qx = q.addTensor("x", DataType.INT8, new int[] {2, 1}, unit);
        int qy = q.addInt8Constant("y", new int[] {1, 3}, unit, new byte[] {10, -20, 30});
        int qout = q.addTensor("out", DataType.INT8, new int[] {2, 3}, unit);
        q.addOperator(OpType.ADD, new AddOptions(Activation.RELU), new int[] {qx, qy}, new int[] {qout});
        Interpreter int8 = new Interpreter(q.setInputs(qx).setOutputs(qout).build());
        assertThat(int8.runInt8(new byte[] {1, 100})).containsExactly(11, 0, 31, 110, 80, 127);
    }
}
