package dev.edgeforge.core.model.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.SmallFloatModels;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import dev.edgeforge.core.tflite.MlperfTinyModels;
import dev.edgeforge.core.tflite.TfliteReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Parameters, bytes, MACs and activation RAM, checked against hand computations. */
class ModelStatsTest {

    @Test
    void smallDenseNetwork() {
        // [1,8] -> FC 16 ReLU -> FC 3 -> SOFTMAX
        ModelStats stats = ModelStats.of(SmallFloatModels.denseNet(1, 8, 3));

        assertThat(stats.parameters()).isEqualTo(8 * 16 + 16 + 16 * 3 + 3); // 195
        assertThat(stats.weightBytes()).isEqualTo(195 * 4);
        assertThat(stats.weightBytesByType()).containsExactly(Map.entry("float32", 195L * 4));
        assertThat(stats.macs()).isEqualTo(8 * 16 + 16 * 3); // 176
        assertThat(stats.operators()).extracting(OperatorStats::macs).containsExactly(128L, 48L, 0L);
        assertThat(stats.operators()).extracting(OperatorStats::parameters).containsExactly(144L, 51L, 0L);
        assertThat(stats.weightElements()).isEqualTo(8 * 16 + 16 * 3);
        assertThat(stats.sparsity()).isZero();
        // Alive together at operator 0: input (32 B) and hidden (64 B); at 1: hidden and logits (12 B); at 2: logits
        // and scores (12 B + 12 B).
        assertThat(stats.activationLowerBound()).isEqualTo(32 + 64);
        assertThat(stats.arenaBytes()).isGreaterThanOrEqualTo(stats.activationLowerBound());
    }

    @Test
    void smallConvNetworkAndItsInt8Version() {
        ModelGraph graph = SmallFloatModels.convNet(1);

        ModelStats stats = ModelStats.of(graph);

        // conv1 3x3 2->4 on 8x8: 8·8·4·(3·3·2); depthwise 3x3 ×2 stride 2 -> 4x4x8: 4·4·8·9; two 1x1 convs 8->6 on 4x4:
        // 4·4·6·8 each; FC 6->3. Pools, ADD, RESHAPE and SOFTMAX: 0.
        long conv1 = 8 * 8 * 4 * 18;
        long depthwise = 4 * 4 * 8 * 9;
        long project = 4 * 4 * 6 * 8;
        assertThat(stats.macs()).isEqualTo(conv1 + depthwise + 2 * project + 18);
        assertThat(stats.operators().get(0).macs()).isEqualTo(conv1);
        assertThat(stats.operators().get(1).macs()).isEqualTo(depthwise);
        assertThat(stats.operators())
                .filteredOn(o -> o.type() == OpType.ADD)
                .extracting(OperatorStats::macs)
                .containsExactly(0L);
        // conv1 72 + 4, depthwise 72 + 8, projections 48 + 6 each, FC 18 + 3; the reshape's shape vector is no
        // parameter
        assertThat(stats.parameters()).isEqualTo(76 + 80 + 54 + 54 + 21);
        assertThat(stats.weightBytes()).isEqualTo(285 * 4);

        Random random = new Random(2);
        List<float[]> calibration = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calibration.add(SmallFloatModels.randomInput(random, 128));
        }
        ModelStats int8 = ModelStats.of(new PostTrainingQuantizer().quantize(graph, calibration));
        // 72 + 72 + 48 + 48 + 18 = 258 int8 weights, 4 + 8 + 6 + 6 + 3 = 27 int32 biases
        assertThat(int8.parameters()).isEqualTo(285);
        assertThat(int8.weightBytesByType()).containsOnly(Map.entry("int8", 258L), Map.entry("int32", 27L * 4));
        assertThat(int8.weightBytes()).isEqualTo(258 + 108);
        assertThat(int8.macs()).isEqualTo(stats.macs());
        assertThat(int8.activationLowerBound()).isEqualTo(stats.activationLowerBound() / 4);
    }

    @Test
    void sparsityCountsZeroWeightsButNotBiases() {
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("in", DataType.FLOAT32, new int[] {1, 4});
        int w = b.addFloatConstant("w", new int[] {2, 4}, new float[] {0, 1, 0, 2, 0, 0, 3, 0});
        int bias = b.addFloatConstant("b", new int[] {2}, new float[] {0, 0});
        int out = b.addTensor("out", DataType.FLOAT32, new int[] {1, 2});
        b.addOperator(
                OpType.FULLY_CONNECTED, FullyConnectedOptions.of(Activation.NONE), new int[] {in, w, bias}, new int[] {
                    out
                });
        ModelGraph graph = b.setInputs(in).setOutputs(out).build();

        ModelStats stats = ModelStats.of(graph);

        assertThat(stats.weightElements()).isEqualTo(8);
        assertThat(stats.zeroWeights()).isEqualTo(5);
        assertThat(stats.sparsity()).isEqualTo(5 / 8.0);
        ModelStats int8 = ModelStats.of(new PostTrainingQuantizer()
                .quantize(graph, List.of(new float[] {1, -1, 2, 0.5f}, new float[] {-2, 1, 0, 1})));
        assertThat(int8.zeroWeights()).isEqualTo(5);
    }

    @Test
    void mlperfKeywordSpottingModel() {
        ModelStats stats = ModelStats.of(new TfliteReader().read(MlperfTinyModels.tflite("kws_ref_model")));

        // The README's parameter count. By hand: conv 10x4x1 -> 64 (2,560 + 64), four blocks of depthwise 3x3x64
        // (576 + 64) and pointwise 64->64 (4,096 + 64), FC 64 -> 12 (768 + 12).
        assertThat(stats.parameters()).isEqualTo(22_604);
        assertThat(stats.weightBytesByType())
                .containsOnly(
                        Map.entry("int8", 2_560L + 4 * (576 + 4_096) + 768),
                        Map.entry("int32", 4L * (64 + 4 * 128 + 12)));
        // MACs: the 49x10 input, 10x4 stride 2 SAME -> 25x5x64: 25·5·64·40 = 320,000; each depthwise 25·5·64·9 =
        // 72,000 and pointwise 25·5·64·64 = 512,000; FC 64·12 = 768.
        assertThat(stats.macs()).isEqualTo(320_000 + 4 * (72_000 + 512_000) + 768);
        assertThat(stats.operators().get(0).macs()).isEqualTo(320_000);
        assertThat(stats.operators().get(0).outputShape()).containsExactly(1, 25, 5, 64);
        // The README's liveness lower bound: two 25x5x64 int8 tensors alive at once.
        assertThat(stats.activationLowerBound()).isEqualTo(16_000);
        assertThat(stats.arenaBytes()).isEqualTo(16_000);
    }
}
