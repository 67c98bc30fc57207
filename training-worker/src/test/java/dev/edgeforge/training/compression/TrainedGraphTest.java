package dev.edgeforge.training.compression;

import static dev.edgeforge.core.learning.Activation.NONE;
import static dev.edgeforge.core.learning.Activation.RELU;
import static dev.edgeforge.core.learning.Activation.RELU6;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.interpreter.Interpreter;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.InferenceCheck;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.Padding;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.export.TrainedNetworkConverter;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.synthetic.GestureWindows;
import dev.edgeforge.training.trainer.Trainer;
import dev.edgeforge.training.trainer.TrainingResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Networks trained briefly by the DJL trainer, converted to float32 model graphs: the reference interpreter gives
 * DJL's predictions (and the plain-Java forward pass's) on every validation sample within 1e-5.
 */
class TrainedGraphTest {

    private static final double TOLERANCE = 1e-5;

    @Test
    void denseNetworkOnGestureFeatures() {
        GestureWindows gestures = GestureWindows.generate(240, 6, 11);
        float[][] features = GestureWindows.spectralFeatures(gestures.windows());
        TrainingResult result = Trainer.builder()
                .setArchitecture(LearningBlock.classification(List.of(
                        LayerSpec.dense(20, RELU),
                        LayerSpec.dropout(0.2),
                        LayerSpec.dense(10, NONE),
                        LayerSpec.relu6())))
                .setHyperparameters(Hyperparameters.defaults().withEpochs(4).withLearningRate(0.005))
                .setFeatures(features)
                .setClassLabels(gestures.labels(), GestureWindows.GESTURES)
                .build()
                .train();

        ModelGraph graph = assertGraphMatches(result, features);
        assertThat(types(graph))
                .containsExactly(
                        OpType.FULLY_CONNECTED, OpType.FULLY_CONNECTED, OpType.FULLY_CONNECTED, OpType.SOFTMAX);
        assertThat(graph.labels()).isEqualTo(GestureWindows.GESTURES);
    }

    @Test
    void conv1dNetworkWithBatchNormAndPoolingOnRawWindows() {
        GestureWindows gestures = GestureWindows.generate(160, 6, 12);
        TrainingResult result = Trainer.builder()
                .setArchitecture(LearningBlock.classification(List.of(
                        LayerSpec.conv1d(8, 6, 2, Padding.SAME, NONE),
                        LayerSpec.batchNorm(),
                        LayerSpec.relu(),
                        LayerSpec.maxPool1d(2, 2),
                        LayerSpec.conv1d(8, 4, 1, Padding.SAME, RELU6),
                        LayerSpec.averagePool1d(4, 4))))
                .setHyperparameters(Hyperparameters.defaults().withEpochs(3).withLearningRate(0.005))
                .setFeatures(gestures.windows(), TensorShape.of(GestureWindows.SAMPLES, 3), FeatureKind.TIME_SERIES)
                .setClassLabels(gestures.labels(), GestureWindows.GESTURES)
                .build()
                .train();

        ModelGraph graph = assertGraphMatches(result, gestures.windows());
        assertThat(types(graph))
                .containsExactly(
                        OpType.CONV_2D,
                        OpType.MAX_POOL_2D,
                        OpType.CONV_2D,
                        OpType.AVERAGE_POOL_2D,
                        OpType.RESHAPE,
                        OpType.FULLY_CONNECTED,
                        OpType.SOFTMAX);
    }

    @Test
    void conv2dDepthwiseResidualNetworkOnImages() {
        Images images = Images.bars(20, 8, 13);
        TrainingResult result = Trainer.builder()
                .setArchitecture(LearningBlock.classification(List.of(
                        LayerSpec.conv2d(4, 3, 3, 1, Padding.SAME, NONE), // 0 [8, 8, 4]
                        LayerSpec.batchNorm(), // 1
                        LayerSpec.relu(), // 2
                        LayerSpec.depthwiseConv2d(3, 3, 1, 1, Padding.SAME, NONE), // 3
                        LayerSpec.batchNorm(), // 4
                        LayerSpec.add(2), // 5
                        LayerSpec.relu(), // 6
                        LayerSpec.maxPool2d(2, 2), // 7 [4, 4, 4]
                        LayerSpec.depthwiseConv2d(2, 2, 2, 1, Padding.VALID, RELU), // 8 [3, 3, 8]
                        LayerSpec.averagePool2d(3, 1)))) // 9 [1, 1, 8]
                .setHyperparameters(Hyperparameters.defaults().withEpochs(3).withLearningRate(0.01))
                .setFeatures(images.pixels(), TensorShape.of(8, 8, 1), FeatureKind.IMAGE)
                .setClassLabels(images.labels(), Images.CLASSES)
                .build()
                .train();

        ModelGraph graph = assertGraphMatches(result, images.pixels());
        assertThat(types(graph))
                .containsExactly(
                        OpType.CONV_2D,
                        OpType.DEPTHWISE_CONV_2D,
                        OpType.ADD,
                        OpType.MAX_POOL_2D,
                        OpType.DEPTHWISE_CONV_2D,
                        OpType.AVERAGE_POOL_2D,
                        OpType.RESHAPE,
                        OpType.FULLY_CONNECTED,
                        OpType.SOFTMAX);
    }

    /** The graph of the result's network reproduces DJL's validation outputs and the Java forward pass. */
    private static ModelGraph assertGraphMatches(TrainingResult result, float[][] features) {
        ModelGraph graph = new TrainedNetworkConverter().convert(result.network());
        Interpreter interpreter = new Interpreter(graph);
        InferenceCheck check = new InferenceCheck(result.network());
        int[] validation = result.validationIndices();
        double worstDjl = 0;
        double worstJava = 0;
        for (int i = 0; i < validation.length; i++) {
            float[] sample = features[validation[i]];
            float[] actual = interpreter.runFloat(sample);
            float[] java = check.predict(sample);
            for (int j = 0; j < actual.length; j++) {
                worstDjl = Math.max(worstDjl, Math.abs(actual[j] - result.validationOutputs()[i][j]));
                worstJava = Math.max(worstJava, Math.abs(actual[j] - java[j]));
            }
        }
        assertThat(validation.length).isGreaterThan(10);
        assertThat(worstDjl).as("largest difference to DJL").isLessThanOrEqualTo(TOLERANCE);
        assertThat(worstJava).as("largest difference to InferenceCheck").isLessThanOrEqualTo(TOLERANCE);
        return graph;
    }

    private static List<OpType> types(ModelGraph graph) {
        return graph.operators().stream().map(Operator::type).toList();
    }
}
