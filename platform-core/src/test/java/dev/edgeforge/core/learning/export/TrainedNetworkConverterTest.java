package dev.edgeforge.core.learning.export;

import static dev.edgeforge.core.learning.Activation.NONE;
import static dev.edgeforge.core.learning.Activation.RELU;
import static dev.edgeforge.core.learning.Activation.RELU6;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.interpreter.Interpreter;
import dev.edgeforge.core.learning.InferenceCheck;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.Padding;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.TrainedNetwork;
import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.AddOptions;
import dev.edgeforge.core.model.Conv2DOptions;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.DepthwiseConv2DOptions;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.model.Pool2DOptions;
import dev.edgeforge.core.model.stats.GraphPredictor;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The converted float32 graph, run by the reference interpreter, computes what the trained network computes. */
class TrainedNetworkConverterTest {

    private static final List<String> CLASSES = List.of("idle", "wave", "circle");
    private static final double TOLERANCE = 1e-5;

    private final TrainedNetworkConverter converter = new TrainedNetworkConverter();

    @Test
    void denseNetworkFusesActivationsAndDropsDropout() {
        TrainedNetwork network = RandomNetworks.of(
                LearningBlock.Kind.CLASSIFICATION,
                TensorShape.of(12),
                CLASSES,
                List.of(
                        LayerSpec.dense(8, RELU),
                        LayerSpec.dropout(0.3),
                        LayerSpec.dense(6, NONE),
                        LayerSpec.relu6(),
                        LayerSpec.dense(3, NONE),
                        LayerSpec.softmax()),
                1);

        ModelGraph graph = converter.convert(network);

        assertThat(types(graph))
                .containsExactly(
                        OpType.FULLY_CONNECTED, OpType.FULLY_CONNECTED, OpType.FULLY_CONNECTED, OpType.SOFTMAX);
        assertThat(activations(graph)).containsExactly(Activation.RELU, Activation.RELU6, Activation.NONE);
        assertThat(graph.inputTensor(0).shape()).containsExactly(1, 12);
        assertThat(graph.outputTensor(0).shape()).containsExactly(1, 3);
        assertThat(graph.labels()).isEqualTo(CLASSES);
        assertThat(graph.metadata()).containsEntry("kind", "classification");
        assertThat(graph.tensor(graph.operators().get(0).input(1)).name()).isEqualTo("00_dense/weights");
        assertSameOutputs(network, graph);
    }

    @Test
    void conv1dBecomesHeightOneConv2dWithFoldedBatchNormAndPools() {
        TrainedNetwork network = RandomNetworks.of(
                LearningBlock.Kind.CLASSIFICATION,
                TensorShape.of(20, 3),
                CLASSES,
                List.of(
                        LayerSpec.conv1d(6, 4, 2, Padding.SAME, NONE), // [10, 6], padding 1 + 1
                        LayerSpec.batchNorm(),
                        LayerSpec.relu(),
                        LayerSpec.conv1d(5, 2, 1, Padding.SAME, RELU), // [10, 5], padding 0 + 1
                        LayerSpec.maxPool1d(2, 2), // [5, 5]
                        LayerSpec.conv1d(4, 3, 1, Padding.VALID, RELU6), // [3, 4]
                        LayerSpec.averagePool1d(2, 1), // [2, 4]
                        LayerSpec.flatten(),
                        LayerSpec.dense(3, NONE),
                        LayerSpec.softmax()),
                2);

        ModelGraph graph = converter.convert(network);

        assertThat(types(graph))
                .containsExactly(
                        OpType.CONV_2D,
                        OpType.CONV_2D,
                        OpType.MAX_POOL_2D,
                        OpType.CONV_2D,
                        OpType.AVERAGE_POOL_2D,
                        OpType.RESHAPE,
                        OpType.FULLY_CONNECTED,
                        OpType.SOFTMAX);
        assertThat(graph.inputTensor(0).shape()).containsExactly(1, 1, 20, 3);
        Operator first = graph.operators().get(0);
        assertThat(graph.tensor(first.input(1)).shape()).containsExactly(6, 1, 4, 3);
        Conv2DOptions options = first.options(Conv2DOptions.class);
        assertThat(options.strideHeight()).isEqualTo(1);
        assertThat(options.strideWidth()).isEqualTo(2);
        assertThat(options.activation())
                .as("relu after the folded batch norm is fused")
                .isEqualTo(Activation.RELU);
        Pool2DOptions pool = graph.operators().get(2).options(Pool2DOptions.class);
        assertThat(new int[] {pool.filterHeight(), pool.filterWidth(), pool.strideHeight(), pool.strideWidth()})
                .containsExactly(1, 2, 1, 2);
        assertThat(graph.tensor(graph.operators().get(5).output(0)).shape()).containsExactly(1, 8);
        assertSameOutputs(network, graph);
    }

    @Test
    void conv2dDepthwiseAndResidualAdd() {
        TrainedNetwork network = RandomNetworks.of(
                LearningBlock.Kind.CLASSIFICATION,
                TensorShape.of(7, 7, 1),
                CLASSES,
                List.of(
                        LayerSpec.conv2d(4, 3, 2, 1, Padding.SAME, NONE), // 0 [7, 7, 4]
                        LayerSpec.batchNorm(), // 1
                        LayerSpec.relu(), // 2
                        LayerSpec.depthwiseConv2d(3, 3, 1, 1, Padding.SAME, NONE), // 3 [7, 7, 4]
                        LayerSpec.batchNorm(), // 4
                        LayerSpec.add(2), // 5 residual
                        LayerSpec.relu(), // 6 fused into the add
                        LayerSpec.depthwiseConv2d(2, 2, 2, 2, Padding.SAME, RELU), // 7 [4, 4, 8]
                        LayerSpec.maxPool2d(2, 1), // 8 [3, 3, 8]
                        LayerSpec.averagePool2d(2, 1), // 9 [2, 2, 8]
                        LayerSpec.conv2d(3, 2, 2, 1, Padding.VALID, RELU6), // 10 [1, 1, 3]
                        LayerSpec.flatten(),
                        LayerSpec.dense(3, NONE),
                        LayerSpec.softmax()),
                3);

        ModelGraph graph = converter.convert(network);

        assertThat(types(graph))
                .containsExactly(
                        OpType.CONV_2D,
                        OpType.DEPTHWISE_CONV_2D,
                        OpType.ADD,
                        OpType.DEPTHWISE_CONV_2D,
                        OpType.MAX_POOL_2D,
                        OpType.AVERAGE_POOL_2D,
                        OpType.CONV_2D,
                        OpType.RESHAPE,
                        OpType.FULLY_CONNECTED,
                        OpType.SOFTMAX);
        Operator add = graph.operators().get(2);
        assertThat(add.input(1))
                .as("the residual reads the first convolution's output")
                .isEqualTo(graph.operators().get(0).output(0));
        assertThat(activations(graph))
                .containsExactly(
                        Activation.RELU,
                        Activation.NONE,
                        Activation.RELU,
                        Activation.RELU,
                        Activation.RELU6,
                        Activation.NONE);
        assertSameOutputs(network, graph);
    }

    @Test
    void reluThatCannotBeFusedBecomesAClampingMaxPool() {
        // Layer 3 adds the output of layer 0 before its relu, so the relu cannot move into layer 0's operator; the
        // relu on the input has no producer at all.
        TrainedNetwork network = RandomNetworks.of(
                LearningBlock.Kind.REGRESSION,
                TensorShape.of(5),
                List.of("y"),
                List.of(
                        LayerSpec.dense(4, NONE), // 0
                        LayerSpec.relu(), // 1 not fusable: layer 3 reads layer 0
                        LayerSpec.dense(4, NONE), // 2
                        LayerSpec.add(0), // 3
                        LayerSpec.relu6(), // 4 fused into the add
                        LayerSpec.dense(1, NONE)),
                4);
        TrainedNetwork onInput = RandomNetworks.of(
                LearningBlock.Kind.REGRESSION,
                TensorShape.of(4, 2),
                List.of("y"),
                List.of(
                        LayerSpec.relu(),
                        LayerSpec.conv1d(2, 2, 1, Padding.VALID, NONE),
                        LayerSpec.flatten(),
                        LayerSpec.dense(1, NONE)),
                5);

        ModelGraph graph = converter.convert(network);
        ModelGraph inputGraph = converter.convert(onInput);

        assertThat(types(graph))
                .containsExactly(
                        OpType.FULLY_CONNECTED,
                        OpType.RESHAPE,
                        OpType.MAX_POOL_2D,
                        OpType.RESHAPE,
                        OpType.FULLY_CONNECTED,
                        OpType.ADD,
                        OpType.FULLY_CONNECTED);
        Pool2DOptions clamp = graph.operators().get(2).options(Pool2DOptions.class);
        assertThat(clamp.filterHeight() * clamp.filterWidth()).isEqualTo(1);
        assertThat(clamp.activation()).isEqualTo(Activation.RELU);
        assertThat(graph.operators().get(5).options()).hasFieldOrPropertyWithValue("activation", Activation.RELU6);
        assertThat(graph.metadata()).containsEntry("kind", "regression");
        assertThat(types(inputGraph))
                .containsExactly(OpType.MAX_POOL_2D, OpType.CONV_2D, OpType.RESHAPE, OpType.FULLY_CONNECTED);
        assertSameOutputs(network, graph);
        assertSameOutputs(onInput, inputGraph);
    }

    @Test
    void reluAfterReluSixStaysReluSix() {
        TrainedNetwork network = RandomNetworks.of(
                LearningBlock.Kind.CLASSIFICATION,
                TensorShape.of(6),
                CLASSES,
                List.of(LayerSpec.dense(5, RELU6), LayerSpec.relu(), LayerSpec.dense(3, NONE), LayerSpec.softmax()),
                6);

        ModelGraph graph = converter.convert(network);

        assertThat(activations(graph)).containsExactly(Activation.RELU6, Activation.NONE);
        assertSameOutputs(network, graph);
    }

    @Test
    void convertedGraphQuantizesToInt8ThatAgreesWithFloat() {
        TrainedNetwork network = RandomNetworks.of(
                LearningBlock.Kind.CLASSIFICATION,
                TensorShape.of(16, 3),
                CLASSES,
                List.of(
                        LayerSpec.conv1d(8, 3, 1, Padding.SAME, NONE),
                        LayerSpec.batchNorm(),
                        LayerSpec.relu(),
                        LayerSpec.maxPool1d(2, 2),
                        LayerSpec.conv1d(8, 3, 1, Padding.SAME, RELU),
                        LayerSpec.add(3),
                        LayerSpec.flatten(),
                        LayerSpec.dense(3, NONE),
                        LayerSpec.softmax()),
                7);
        ModelGraph float32 = converter.convert(network);
        float[][] inputs = RandomNetworks.inputs(network.inputShape(), 200, 8);

        ModelGraph int8 = new PostTrainingQuantizer()
                .quantize(float32, Arrays.asList(inputs).subList(0, 100));

        assertThat(int8.inputTensor(0).type()).isEqualTo(DataType.INT8);
        GraphPredictor floatRun = new GraphPredictor(float32);
        GraphPredictor int8Run = new GraphPredictor(int8);
        double worst = 0;
        for (int i = 100; i < inputs.length; i++) {
            float[] expected = floatRun.predict(inputs[i]);
            float[] actual = int8Run.predict(inputs[i]);
            for (int j = 0; j < expected.length; j++) {
                worst = Math.max(worst, Math.abs(expected[j] - actual[j]));
            }
        }
        // Probabilities through three int8 layers: a few output steps of 1/256.
        assertThat(worst).isLessThan(0.05);
    }

    private static void assertSameOutputs(TrainedNetwork network, ModelGraph graph) {
        float[][] inputs = RandomNetworks.inputs(network.inputShape(), 50, 99);
        InferenceCheck check = new InferenceCheck(network);
        Interpreter interpreter = new Interpreter(graph);
        float[][] expected = check.predict(inputs);
        double worst = 0;
        for (int i = 0; i < inputs.length; i++) {
            float[] actual = interpreter.runFloat(inputs[i]);
            assertThat(actual).hasSameSizeAs(expected[i]);
            for (int j = 0; j < actual.length; j++) {
                worst = Math.max(worst, Math.abs(actual[j] - expected[i][j]) / Math.max(1, Math.abs(expected[i][j])));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(TOLERANCE);
    }

    private static List<OpType> types(ModelGraph graph) {
        return graph.operators().stream().map(Operator::type).toList();
    }

    /** The fused activation of every weighted operator and ADD, in order. */
    private static List<Activation> activations(ModelGraph graph) {
        return graph.operators().stream()
                .map(Operator::options)
                .map(o -> {
                    if (o instanceof FullyConnectedOptions f) {
                        return f.activation();
                    }
                    if (o instanceof Conv2DOptions c) {
                        return c.activation();
                    }
                    if (o instanceof DepthwiseConv2DOptions d) {
                        return d.activation();
                    }
                    if (o instanceof AddOptions a) {
                        return a.activation();
                    }
                    return null;
                })
                .filter(Objects::nonNull)
                .toList();
    }
}
