package dev.edgeforge.firmware.codegen;

import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.NoOptions;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Quantization;

/** Small hand-built graphs for unit tests of the generator. */
final class TinyModels {

    private TinyModels() {}

    /** int8 FULLY_CONNECTED 4 → 3, optionally wrapped in a float QUANTIZE before and a DEQUANTIZE after. */
    static ModelGraph fullyConnected(boolean floatEdges) {
        ModelGraph.Builder b = ModelGraph.builder();
        Quantization inQ = Quantization.perTensor(0.05f, -3);
        Quantization outQ = Quantization.perTensor(0.1f, 4);
        int floatIn = floatEdges ? b.addTensor("features", DataType.FLOAT32, new int[] {1, 4}) : -1;
        int in = b.addTensor("input", DataType.INT8, new int[] {1, 4}, inQ);
        int w = b.addInt8Constant("weights", new int[] {3, 4}, Quantization.perTensor(0.02f, 0), new byte[] {
            1, -2, 3, -4, 5, 6, -7, 8, 9, -10, 11, 12
        });
        int bias =
                b.addInt32Constant("bias", new int[] {3}, Quantization.perTensor(0.001f, 0), new int[] {10, -20, 30});
        int out = b.addTensor("scores", DataType.INT8, new int[] {1, 3}, outQ);
        int floatOut = floatEdges ? b.addTensor("probabilities", DataType.FLOAT32, new int[] {1, 3}) : -1;
        if (floatEdges) {
            b.addOperator(OpType.QUANTIZE, NoOptions.INSTANCE, new int[] {floatIn}, new int[] {in});
        }
        b.addOperator(
                OpType.FULLY_CONNECTED, FullyConnectedOptions.of(Activation.NONE), new int[] {in, w, bias}, new int[] {
                    out
                });
        if (floatEdges) {
            b.addOperator(OpType.DEQUANTIZE, NoOptions.INSTANCE, new int[] {out}, new int[] {floatOut});
            return b.setInputs(floatIn).setOutputs(floatOut).build();
        }
        return b.setInputs(in).setOutputs(out).build();
    }
}
