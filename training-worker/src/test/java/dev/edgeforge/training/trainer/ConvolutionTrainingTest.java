package dev.edgeforge.training.trainer;

import static dev.edgeforge.core.learning.Activation.NONE;
import static dev.edgeforge.core.learning.Activation.RELU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.learning.Augmentation;
import dev.edgeforge.core.learning.DefaultArchitecture;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.ImageAugmentation;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.Padding;
import dev.edgeforge.core.learning.SpectrogramAugmentation;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.TimeSeriesAugmentation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvolutionTrainingTest {

    private static final List<String> CLASSES = List.of("a", "b", "c");

    @Test
    void defaultConv1dStackLearnsSineFrequencies() {
        TensorShape shape = TensorShape.of(32, 3);
        SyntheticData data = SyntheticData.sines(60, 3, 32, 3, 1);
        LearningBlock block =
                LearningBlock.classification(DefaultArchitecture.layersFor(FeatureKind.TIME_SERIES, shape));

        TrainingResult result = Trainer.builder()
                .setArchitecture(block)
                .setHyperparameters(Hyperparameters.defaults()
                        .withEpochs(12)
                        .withLearningRate(0.005)
                        .withAugmentation(Augmentation.of(new TimeSeriesAugmentation(0.05, 0.1, 0.1))))
                .setFeatures(data.features, shape, FeatureKind.TIME_SERIES)
                .setClassLabels(data.labels, CLASSES)
                .build()
                .train();

        assertThat(result.lastEpochMetrics().trainLoss())
                .isLessThan(0.7 * result.history().get(0).trainLoss());
        assertThat(result.lastEpochMetrics().validationLoss())
                .isLessThan(0.7 * result.history().get(0).validationLoss());
        assertThat(result.lastEpochMetrics().validationAccuracy()).isGreaterThan(0.8);
    }

    @Test
    void conv1dWithStrideEvenKernelAndPoolingTrains() {
        TensorShape flat = TensorShape.of(96);
        SyntheticData data = SyntheticData.sines(40, 3, 32, 3, 2);
        // [96] -> reshape [32, 3] -> conv k4 s2 SAME pads 1 before and 1 after... k4 on 32 with s2: out 16, total 2
        LearningBlock block = LearningBlock.classification(List.of(
                LayerSpec.reshape(32, 3),
                LayerSpec.conv1d(8, 4, 2, Padding.SAME, NONE),
                LayerSpec.batchNorm(),
                LayerSpec.relu6(),
                LayerSpec.conv1d(8, 2, 1, Padding.SAME, RELU), // asymmetric SAME: 0 before, 1 after
                LayerSpec.averagePool1d(2, 2),
                LayerSpec.flatten()));

        TrainingResult result = Trainer.builder()
                .setArchitecture(block)
                .setHyperparameters(Hyperparameters.defaults().withEpochs(10).withLearningRate(0.005))
                .setFeatures(data.features, flat, FeatureKind.FLAT)
                .setClassLabels(data.labels, CLASSES)
                .build()
                .train();

        assertThat(result.lastEpochMetrics().trainLoss())
                .isLessThan(0.7 * result.history().get(0).trainLoss());
    }

    @Test
    void conv2dStackLearnsBarOrientation() {
        TensorShape shape = TensorShape.of(8, 8, 1);
        SyntheticData data = SyntheticData.bars(60, 8, 3);
        LearningBlock block = LearningBlock.classification(DefaultArchitecture.layersFor(FeatureKind.IMAGE, shape));

        TrainingResult result = Trainer.builder()
                .setArchitecture(block)
                .setHyperparameters(Hyperparameters.defaults()
                        .withEpochs(10)
                        .withLearningRate(0.005)
                        .withAugmentation(Augmentation.of(new ImageAugmentation(true, 0.1, 0.05))))
                .setFeatures(data.features, shape, FeatureKind.IMAGE)
                .setClassLabels(data.labels, CLASSES)
                .build()
                .train();

        assertThat(result.lastEpochMetrics().trainLoss())
                .isLessThan(0.7 * result.history().get(0).trainLoss());
        assertThat(result.lastEpochMetrics().validationAccuracy()).isGreaterThan(0.8);
    }

    @Test
    void depthwiseBatchNormAndResidualAddTrainOnSpectrograms() {
        TensorShape shape = TensorShape.of(8, 8, 1);
        SyntheticData data = SyntheticData.bars(40, 8, 4);
        LearningBlock block = LearningBlock.classification(List.of(
                LayerSpec.conv2d(4, 3, 3, 1, Padding.SAME, NONE), // 0: [8, 8, 4]
                LayerSpec.batchNorm(), // 1
                LayerSpec.relu(), // 2
                LayerSpec.depthwiseConv2d(3, 3, 1, 1, Padding.SAME, NONE), // 3: [8, 8, 4]
                LayerSpec.batchNorm(), // 4
                LayerSpec.add(2), // 5: residual over the depthwise block
                LayerSpec.relu6(), // 6
                LayerSpec.depthwiseConv2d(2, 2, 2, 2, Padding.SAME, RELU), // 7: [4, 4, 8]
                LayerSpec.maxPool2d(2, 2), // 8: [2, 2, 8]
                LayerSpec.dropout(0.1)));

        TrainingResult result = Trainer.builder()
                .setArchitecture(block)
                .setHyperparameters(Hyperparameters.defaults()
                        .withEpochs(10)
                        .withLearningRate(0.01)
                        .withAugmentation(Augmentation.of(new SpectrogramAugmentation(1, 2, 1, 2, 0.02))))
                .setFeatures(data.features, shape, FeatureKind.SPECTROGRAM)
                .setClassLabels(data.labels, CLASSES)
                .build()
                .train();

        assertThat(result.lastEpochMetrics().trainLoss())
                .isLessThan(0.7 * result.history().get(0).trainLoss());
    }
}
