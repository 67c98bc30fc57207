package dev.edgeforge.core.learning;

import static dev.edgeforge.core.learning.Activation.NONE;
import static dev.edgeforge.core.learning.Activation.RELU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

class InferenceCheckTest {

    @Test
    void denseWithReluThenSoftmax() {
        // [1, 1] -> dense weights [[1, 2], [3, 4], [-5, 0]] + bias [0.5, -1, 0] = [3.5, 6, -5] -> relu [3.5, 6, 0]
        TrainedNetwork network = network(
                TensorShape.of(2),
                TrainedLayer.weighted(
                        LayerSpec.dense(3, RELU),
                        TensorShape.of(3),
                        WeightTensor.of(TensorShape.of(3, 2), 1, 2, 3, 4, -5, 0),
                        WeightTensor.of(TensorShape.of(3), 0.5f, -1, 0)));

        assertThat(new InferenceCheck(network).predict(new float[] {1, 1})).containsExactly(3.5f, 6f, 0f);

        TrainedNetwork softmax = network(TensorShape.of(3), TrainedLayer.of(LayerSpec.softmax(), TensorShape.of(3)));
        float ln3 = (float) Math.log(3);
        assertThat(new InferenceCheck(softmax).predict(new float[] {0, ln3, Float.NEGATIVE_INFINITY}))
                .containsExactly(new float[] {0.25f, 0.75f, 0f}, within(1e-7f));
    }

    /** Convolutions worked by hand: one weighted layer, flattened. */
    static Stream<Arguments> convolutions() {
        return Stream.of(
                // input [4, 1] = 1 2 3 4, kernel 3 of ones: SAME pads one zero each side -> 3 6 9 7
                argumentSet(
                        "conv1d with SAME padding reads zeros at the edges",
                        TensorShape.of(4, 1),
                        LayerSpec.conv1d(1, 3, 1, Padding.SAME, NONE),
                        TensorShape.of(4, 1),
                        WeightTensor.of(TensorShape.of(1, 1, 3, 1), 1, 1, 1),
                        WeightTensor.of(TensorShape.of(1), 0),
                        new float[] {1, 2, 3, 4},
                        new float[] {3, 6, 9, 7}),
                // input 1 2 3, kernel [1, 10], SAME stride 1: total padding 1, all after -> 1+20, 2+30, 3+0
                argumentSet(
                        "conv1d with an even kernel puts the extra zero after the data",
                        TensorShape.of(3, 1),
                        LayerSpec.conv1d(1, 2, 1, Padding.SAME, NONE),
                        TensorShape.of(3, 1),
                        WeightTensor.of(TensorShape.of(1, 1, 2, 1), 1, 10),
                        WeightTensor.of(TensorShape.of(1), 0),
                        new float[] {1, 2, 3},
                        new float[] {21, 32, 3}),
                // 2x2 image, 2 channels: pixel (y, x) = (a, b), a = 1 3 5 7, b = 2 4 6 8. One 2x2 VALID filter
                // [1, kh, kw, in]: weights for channel 0 all 1, channel 1 all 10 -> sum(a) + 10 sum(b) + bias 1
                argumentSet(
                        "conv2d mixes channels with TFLite's weight layout",
                        TensorShape.of(2, 2, 2),
                        LayerSpec.conv2d(1, 2, 2, 1, Padding.VALID, NONE),
                        TensorShape.of(1, 1, 1),
                        WeightTensor.of(TensorShape.of(1, 2, 2, 2), 1, 10, 1, 10, 1, 10, 1, 10),
                        WeightTensor.of(TensorShape.of(1), 1),
                        new float[] {1, 2, 3, 4, 5, 6, 7, 8},
                        new float[] {1 + 16 + 200}),
                // 1x2 image, 2 channels: (1, 2), (3, 4). Kernel 1x2 VALID, multiplier 2 -> 4 outputs, order c * 2 + m.
                // weights [1, 1, 2, 4]: tap 0 = (1, 2, 3, 4), tap 1 = (10, 20, 30, 40)
                // out[c0 m0] = 1*1 + 3*10 = 31, out[c0 m1] = 1*2 + 3*20 = 62, out[c1 m0] = 2*3 + 4*30 = 126,
                // out[c1 m1] = 2*4 + 4*40 = 168
                argumentSet(
                        "depthwise keeps channels apart with a multiplier",
                        TensorShape.of(1, 2, 2),
                        LayerSpec.depthwiseConv2d(1, 2, 2, 1, Padding.VALID, NONE),
                        TensorShape.of(1, 1, 4),
                        WeightTensor.of(TensorShape.of(1, 1, 2, 4), 1, 2, 3, 4, 10, 20, 30, 40),
                        WeightTensor.of(TensorShape.of(4), 0, 0, 0, 0),
                        new float[] {1, 2, 3, 4},
                        new float[] {31, 62, 126, 168}));
    }

    @ParameterizedTest
    @MethodSource("convolutions")
    void convolutionGivesTheHandWorkedOutput(
            TensorShape input,
            LayerSpec spec,
            TensorShape output,
            WeightTensor weights,
            WeightTensor bias,
            float[] sample,
            float[] expected) {
        TrainedNetwork network = flattened(input, TrainedLayer.weighted(spec, output, weights, bias));

        assertThat(new InferenceCheck(network).predict(sample)).containsExactly(expected);
    }

    @Test
    void poolsUseValidWindows() {
        // [5, 1] = 1 5 2 8 3, pool 2 stride 2 -> max 5 8, average 3 5 (the last value is dropped)
        TrainedNetwork max =
                flattened(TensorShape.of(5, 1), TrainedLayer.of(LayerSpec.maxPool1d(2, 2), TensorShape.of(2, 1)));
        TrainedNetwork average =
                flattened(TensorShape.of(5, 1), TrainedLayer.of(LayerSpec.averagePool1d(2, 2), TensorShape.of(2, 1)));
        float[] input = {1, 5, 2, 8, 3};

        assertThat(new InferenceCheck(max).predict(input)).containsExactly(5, 8);
        assertThat(new InferenceCheck(average).predict(input)).containsExactly(3, 5);

        // 2x2x1 image 1 2 / 3 4 with a 2x2 pool -> 4 and 2.5
        TrainedNetwork pool2d = flattened(
                TensorShape.of(2, 2, 1), TrainedLayer.of(LayerSpec.averagePool2d(2, 2), TensorShape.of(1, 1, 1)));
        assertThat(new InferenceCheck(pool2d).predict(new float[] {1, 2, 3, 4})).containsExactly(2.5f);
    }

    @Test
    void residualAddReadsTheReferencedOutput() {
        // x = [1, 2]; layer 0 relu6 -> [1, 2]; layer 1 dense identity*2 -> [2, 4]; layer 2 add(0) -> [3, 6]
        TrainedNetwork network = network(
                TensorShape.of(2),
                TrainedLayer.of(LayerSpec.relu6(), TensorShape.of(2)),
                TrainedLayer.weighted(
                        LayerSpec.dense(2, NONE),
                        TensorShape.of(2),
                        WeightTensor.of(TensorShape.of(2, 2), 2, 0, 0, 2),
                        WeightTensor.of(TensorShape.of(2), 0, 0)),
                TrainedLayer.of(LayerSpec.add(0), TensorShape.of(2)));

        assertThat(new InferenceCheck(network).predict(new float[] {1, 2})).containsExactly(3, 6);
    }

    @Test
    void batchNormAppliesItsMovingStatisticsAndFoldsIntoTheConvolution() {
        // conv1d k1: out = 2x + 1 per channel (2 filters from 1 channel: weights 2 and -1, bias 1 and 0)
        // batch norm: channel 0 mean 1, var 4 - eps, gamma 2, beta 0.5 -> (y - 1) / 2 * 2 + 0.5 = y - 0.5
        //             channel 1 mean 0, var 1 - eps, gamma 1, beta 0   -> y
        float eps = 1e-3f;
        BatchNormParameters norm = new BatchNormParameters(
                new float[] {2, 1}, new float[] {0.5f, 0}, new float[] {1, 0}, new float[] {4 - eps, 1 - eps}, eps);
        TrainedNetwork network = network(
                TensorShape.of(2, 1),
                TrainedLayer.weighted(
                        LayerSpec.conv1d(2, 1, 1, Padding.VALID, NONE),
                        TensorShape.of(2, 2),
                        WeightTensor.of(TensorShape.of(2, 1, 1, 1), 2, -1),
                        WeightTensor.of(TensorShape.of(2), 1, 0)),
                TrainedLayer.withBatchNorm(LayerSpec.batchNorm(), TensorShape.of(2, 2), norm),
                TrainedLayer.of(LayerSpec.relu(), TensorShape.of(2, 2)),
                TrainedLayer.of(LayerSpec.flatten(), TensorShape.of(4)));
        float[] input = {3, -2};
        // t0: x=3 -> (7, -3) -> (6.5, -3) -> relu (6.5, 0); t1: x=-2 -> (-3, 2) -> (-3.5, 2) -> relu (0, 2)
        float[] expected = {6.5f, 0, 0, 2};

        assertThat(new InferenceCheck(network).predict(input)).containsExactly(expected, within(1e-5f));
        TrainedNetwork folded = network.withBatchNormFolded();
        assertThat(folded.layerSpecs())
                .containsExactly(LayerSpec.conv1d(2, 1, 1, Padding.VALID, NONE), LayerSpec.relu(), LayerSpec.flatten());
        assertThat(folded.layers().get(0).weights().values()).containsExactly(new float[] {2, -1}, within(1e-5f));
        assertThat(folded.layers().get(0).bias().values()).containsExactly(new float[] {0.5f, 0}, within(1e-5f));
        assertThat(new InferenceCheck(folded).predict(input)).containsExactly(expected, within(1e-5f));
    }

    @Test
    void foldingRenumbersResidualReferences() {
        BatchNormParameters identityNorm = new BatchNormParameters(
                new float[] {3, 3}, new float[] {1, 1}, new float[] {0, 0}, new float[] {1, 1}, 1e-5f);
        WeightTensor identity = WeightTensor.of(TensorShape.of(2, 2), 1, 0, 0, 1);
        WeightTensor zero = WeightTensor.of(TensorShape.of(2), 0, 0);
        TrainedNetwork network = network(
                TensorShape.of(2),
                TrainedLayer.weighted(LayerSpec.dense(2, NONE), TensorShape.of(2), identity, zero), // 0
                TrainedLayer.withBatchNorm(LayerSpec.batchNorm(), TensorShape.of(2), identityNorm), // 1
                TrainedLayer.weighted(LayerSpec.dense(2, NONE), TensorShape.of(2), identity, zero), // 2
                TrainedLayer.withBatchNorm(LayerSpec.batchNorm(), TensorShape.of(2), identityNorm), // 3
                TrainedLayer.of(LayerSpec.add(1), TensorShape.of(2))); // 4

        TrainedNetwork folded = network.withBatchNormFolded();

        assertThat(folded.layerSpecs())
                .containsExactly(LayerSpec.dense(2, NONE), LayerSpec.dense(2, NONE), LayerSpec.add(0));
        float[] input = {1, -1};
        assertThat(new InferenceCheck(folded).predict(input))
                .containsExactly(new InferenceCheck(network).predict(input), within(1e-4f));
    }

    @Test
    void comparisonReportsTheLargestDifference() {
        TrainedNetwork network = network(TensorShape.of(2), TrainedLayer.of(LayerSpec.relu(), TensorShape.of(2)));
        InferenceCheck.Comparison comparison = new InferenceCheck(network)
                .compare(new float[][] {{1, -1}, {2, 300}}, new float[][] {{1, 0}, {2.5f, 303}});

        assertThat(comparison.maxAbsoluteDifference()).isEqualTo(3);
        assertThat(comparison.worstSample()).isEqualTo(1);
        // scaled: |2 - 2.5| / 2.5 = 0.2 beats |300 - 303| / 303
        assertThat(comparison.maxScaledDifference()).isCloseTo(0.2, within(1e-7));
        assertThat(comparison.isWithin(0.1)).isFalse();
        assertThat(comparison.isWithin(0.21)).isTrue();
    }

    @Test
    void inconsistentWeightsAreRejected() {
        assertThatThrownBy(() -> network(
                        TensorShape.of(2),
                        TrainedLayer.weighted(
                                LayerSpec.dense(3, RELU),
                                TensorShape.of(3),
                                WeightTensor.of(TensorShape.of(2, 3), 1, 2, 3, 4, 5, 6),
                                WeightTensor.of(TensorShape.of(3), 0, 0, 0))))
                .hasMessage("layer 0 (dense): weights must have shape [3, 2], got [2, 3]");
        assertThatThrownBy(() -> WeightTensor.of(TensorShape.of(2, 2), 1, 2, 3))
                .hasMessage("a weight tensor of shape [2, 2] needs 4 values, got 3");
    }

    @Test
    void survivesAJsonRoundTrip() {
        TrainedNetwork network = network(
                TensorShape.of(2, 1),
                TrainedLayer.weighted(
                        LayerSpec.conv1d(2, 1, 1, Padding.VALID, NONE),
                        TensorShape.of(2, 2),
                        WeightTensor.of(TensorShape.of(2, 1, 1, 1), 2, -1),
                        WeightTensor.of(TensorShape.of(2), 1, 0)),
                TrainedLayer.withBatchNorm(
                        LayerSpec.batchNorm(),
                        TensorShape.of(2, 2),
                        new BatchNormParameters(
                                new float[] {1, 2},
                                new float[] {0, 1},
                                new float[] {0.5f, 0},
                                new float[] {1, 2},
                                1e-5f)),
                TrainedLayer.of(LayerSpec.flatten(), TensorShape.of(4)));
        JsonMapper json = JsonMapper.builder().build();

        TrainedNetwork back = json.readValue(json.writeValueAsString(network), TrainedNetwork.class);

        assertThat(back).isEqualTo(network);
    }

    /** {@code layer} followed by a flatten, as exported networks end before their dense head. */
    private static TrainedNetwork flattened(TensorShape input, TrainedLayer layer) {
        return network(
                input,
                layer,
                TrainedLayer.of(
                        LayerSpec.flatten(), TensorShape.of(layer.outputShape().elementCount())));
    }

    private static TrainedNetwork network(TensorShape input, TrainedLayer... layers) {
        int outputs = layers[layers.length - 1].outputShape().elementCount();
        return new TrainedNetwork(
                LearningBlock.Kind.REGRESSION,
                input,
                IntStream.range(0, outputs).mapToObj(i -> "y" + i).toList(),
                List.of(layers));
    }
}
