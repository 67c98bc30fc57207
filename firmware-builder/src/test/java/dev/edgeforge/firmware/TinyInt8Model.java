package dev.edgeforge.firmware;

import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Quantization;
import java.util.List;

/** A hand-built int8 FULLY_CONNECTED 8 → 3 classifier: small enough to build in seconds. */
public final class TinyInt8Model {

    public static final List<String> LABELS = List.of("idle", "wave", "shake");

    private TinyInt8Model() {}

    public static ModelGraph graph() {
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("features", DataType.INT8, new int[] {1, 8}, Quantization.perTensor(0.05f, -3));
        byte[] weights = new byte[24];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (byte) ((i * 37 % 61) - 30);
        }
        int w = b.addInt8Constant("weights", new int[] {3, 8}, Quantization.perTensor(0.02f, 0), weights);
        int bias =
                b.addInt32Constant("bias", new int[] {3}, Quantization.perTensor(0.001f, 0), new int[] {100, -200, 50});
        int out = b.addTensor("scores", DataType.INT8, new int[] {1, 3}, Quantization.perTensor(0.1f, 4));
        b.addOperator(
                OpType.FULLY_CONNECTED, FullyConnectedOptions.of(Activation.NONE), new int[] {in, w, bias}, new int[] {
                    out
                });
        return b.setInputs(in).setOutputs(out).optLabels(LABELS).build();
    }
}
