package dev.edgeforge.training.trainer;

import static dev.edgeforge.core.learning.Activation.NONE;
import static dev.edgeforge.core.learning.Activation.RELU;
import static dev.edgeforge.core.learning.Activation.RELU6;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.InferenceCheck;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.Padding;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.TrainedNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exported weights, run by the plain-Java forward pass, give DJL's predictions on every validation sample. */
class WeightExportTest {

    private static final List<String> CLASSES = List.of("a", "b", "c");
    private static final double TOLERANCE = 1e-5;

    @Test
    void denseClassifierExportsExactly() {
        SyntheticData data = SyntheticData.blobs(60, 3, 6, 1);
        TrainingResult result = Trainer.builder()
                .setArchitecture(LearningBlock.classification(
                        List.of(LayerSpec.dense(20, RELU), LayerSpec.dropout(0.2), LayerSpec.dense(10, RELU6))))
                .setHyperparameters(Hyperparameters.defaults().withEpochs(5).withLearningRate(0.01))
                .setFeatures(data.features)
                .setClassLabels(data.labels, CLASSES)
                .build()
                .train();

        TrainedNetwork network = result.network();
        assertThat(network.layerSpecs())
                .containsExactly(
                        LayerSpec.dense(20, RELU),
                        LayerSpec.dropout(0.2),
                        LayerSpec.dense(10, RELU6),
                        LayerSpec.dense(3, NONE),
                        LayerSpec.softmax());
        assertThat(network.layers().get(0).weights().shape()).isEqualTo(TensorShape.of(20, 6));
        assertThat(network.outputNames()).isEqualTo(CLASSES);
        assertExportMatches(result, data.features);
    }

    @Test
    void conv1dWithBatchNormPoolingAndAsymmetricPaddingExportsExactly() {
        SyntheticData data = SyntheticData.sines(30, 3, 20, 3, 2);
        TrainingResult result = Trainer.builder()
                .setArchitecture(LearningBlock.classification(List.of(
                        LayerSpec.conv1d(6, 4, 2, Padding.SAME, NONE),
                        LayerSpec.batchNorm(),
                        LayerSpec.relu(),
                        LayerSpec.conv1d(5, 2, 1, Padding.SAME, RELU),
                        LayerSpec.maxPool1d(2, 2),
                        LayerSpec.conv1d(4, 3, 1, Padding.VALID, RELU6),
                        LayerSpec.averagePool1d(2, 1))))
                .setHyperparameters(Hyperparameters.defaults().withEpochs(4).withLearningRate(0.01))
                .setFeatures(data.features, TensorShape.of(20, 3), FeatureKind.TIME_SERIES)
                .setClassLabels(data.labels, CLASSES)
                .build()
                .train();

        assertThat(result.network().layers().get(0).weights().shape()).isEqualTo(TensorShape.of(6, 1, 4, 3));
        assertExportMatches(result, data.features);
    }

    @Test
    void conv2dDepthwiseAndResidualAddExportExactly() {
        SyntheticData data = SyntheticData.bars(20, 7, 3);
        TrainingResult result = Trainer.builder()
                .setArchitecture(LearningBlock.classification(List.of(
                        LayerSpec.conv2d(4, 3, 2, 1, Padding.SAME, NONE), // 0 [7, 7, 4]; width pads 0 + 1
                        LayerSpec.batchNorm(), // 1
                        LayerSpec.relu(), // 2
                        LayerSpec.depthwiseConv2d(3, 3, 1, 1, Padding.SAME, NONE), // 3 [7, 7, 4]
                        LayerSpec.batchNorm(), // 4
                        LayerSpec.add(2), // 5 residual
                        LayerSpec.depthwiseConv2d(2, 2, 2, 2, Padding.SAME, RELU), // 6 [4, 4, 8]; pads 0 + 1
                        LayerSpec.maxPool2d(2, 1), // 7 [3, 3, 8]
                        LayerSpec.averagePool2d(2, 1), // 8 [2, 2, 8]
                        LayerSpec.conv2d(3, 2, 2, 1, Padding.VALID, RELU6)))) // 9 [1, 1, 3]
                .setHyperparameters(Hyperparameters.defaults().withEpochs(3).withLearningRate(0.01))
                .setFeatures(data.features, TensorShape.of(7, 7, 1), FeatureKind.IMAGE)
                .setClassLabels(data.labels, CLASSES)
                .build()
                .train();

        assertThat(result.network().layers().get(0).weights().shape()).isEqualTo(TensorShape.of(4, 3, 2, 1));
        assertThat(result.network().layers().get(6).weights().shape()).isEqualTo(TensorShape.of(1, 2, 2, 8));
        assertExportMatches(result, data.features);
        assertThat(new InferenceCheck(result.network().withBatchNormFolded())
                        .compare(validationFeatures(result, data.features), result.validationOutputs())
                        .maxAbsoluteDifference())
                .isLessThan(1e-4);
    }

    @Test
    void regressionExportsExactlyAndFoldsBatchNorm() {
        SyntheticData data = SyntheticData.linear(200, 4);
        TrainingResult result = Trainer.builder()
                .setArchitecture(LearningBlock.regression(List.of(
                        LayerSpec.dense(8, NONE),
                        LayerSpec.batchNorm(),
                        LayerSpec.relu(),
                        LayerSpec.dense(8, NONE),
                        LayerSpec.batchNorm(),
                        LayerSpec.add(2))))
                .setHyperparameters(Hyperparameters.defaults().withEpochs(5).withLearningRate(0.01))
                .setFeatures(data.features)
                .setTargets(data.targets, List.of("y"))
                .build()
                .train();

        assertExportMatches(result, data.features);
        TrainedNetwork folded = result.network().withBatchNormFolded();
        assertThat(folded.layerSpecs())
                .containsExactly(
                        LayerSpec.dense(8, NONE),
                        LayerSpec.relu(),
                        LayerSpec.dense(8, NONE),
                        LayerSpec.add(1),
                        LayerSpec.dense(1, NONE));
        assertThat(new InferenceCheck(folded)
                        .compare(validationFeatures(result, data.features), result.validationOutputs())
                        .maxScaledDifference())
                .isLessThan(1e-4);
    }

    private static void assertExportMatches(TrainingResult result, float[][] features) {
        InferenceCheck.Comparison comparison = new InferenceCheck(result.network())
                .compare(validationFeatures(result, features), result.validationOutputs());
        assertThat(comparison.samples()).isEqualTo(result.validationIndices().length);
        assertThat(comparison.maxAbsoluteDifference()).isLessThanOrEqualTo(TOLERANCE);
        assertThat(result.exportCheck().maxAbsoluteDifference()).isLessThanOrEqualTo(TOLERANCE);
    }

    private static float[][] validationFeatures(TrainingResult result, float[][] features) {
        float[][] samples = new float[result.validationIndices().length][];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = features[result.validationIndices()[i]];
        }
        return samples;
    }
}
