package dev.edgeforge.training.compression;

import static dev.edgeforge.core.learning.Activation.NONE;
import static dev.edgeforge.core.learning.Activation.RELU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.Padding;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.export.CalibrationSet;
import dev.edgeforge.core.learning.export.TrainedNetworkConverter;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.stats.GraphPredictor;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import dev.edgeforge.core.synthetic.GestureWindows;
import dev.edgeforge.training.trainer.Trainer;
import dev.edgeforge.training.trainer.TrainingResult;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Post-training int8 quantization on a realistic dataset: synthetic 3-axis accelerometer gestures with noise and
 * per-person variation, tested on people the model never saw. int8 test accuracy stays within 1 percentage point of
 * float32.
 */
class Int8AccuracyTest {

    private static final double ALLOWED_DIFFERENCE = 0.01;

    @Test
    void denseNetworkOnSpectralFeatures() {
        GestureWindows train = GestureWindows.generate(1200, 20, 101);
        GestureWindows test = GestureWindows.generate(800, 10, 202);
        float[][] trainFeatures = GestureWindows.spectralFeatures(train.windows());
        float[][] testFeatures = GestureWindows.spectralFeatures(test.windows());
        TrainingResult result = Trainer.builder()
                .setArchitecture(
                        LearningBlock.classification(List.of(LayerSpec.dense(20, RELU), LayerSpec.dense(10, RELU))))
                .setHyperparameters(fixed(25, 0.005))
                .setFeatures(trainFeatures)
                .setClassLabels(train.labels(), GestureWindows.GESTURES)
                .build()
                .train();

        assertInt8CloseToFloat(
                "dense 20-10, spectral features", result, trainFeatures, train.labels(), testFeatures, test.labels());
    }

    @Test
    void conv1dNetworkOnRawWindows() {
        GestureWindows train = GestureWindows.generate(800, 20, 103);
        GestureWindows test = GestureWindows.generate(600, 10, 204);
        TrainingResult result = Trainer.builder()
                .setArchitecture(LearningBlock.classification(List.of(
                        LayerSpec.conv1d(8, 5, 2, Padding.SAME, NONE),
                        LayerSpec.batchNorm(),
                        LayerSpec.relu(),
                        LayerSpec.maxPool1d(2, 2),
                        LayerSpec.conv1d(12, 5, 2, Padding.SAME, RELU),
                        LayerSpec.averagePool1d(4, 4))))
                .setHyperparameters(fixed(30, 0.005))
                .setFeatures(train.windows(), TensorShape.of(GestureWindows.SAMPLES, 3), FeatureKind.TIME_SERIES)
                .setClassLabels(train.labels(), GestureWindows.GESTURES)
                .build()
                .train();

        assertInt8CloseToFloat(
                "conv1d, raw windows", result, train.windows(), train.labels(), test.windows(), test.labels());
    }

    /** Fixed epochs at a constant rate, as the accuracies of this test were measured. */
    private static Hyperparameters fixed(int epochs, double learningRate) {
        return Hyperparameters.defaults()
                .withEpochs(epochs)
                .withLearningRate(learningRate)
                .withEarlyStopping(null)
                .withSchedule(null);
    }

    private static void assertInt8CloseToFloat(
            String name,
            TrainingResult result,
            float[][] trainFeatures,
            int[] trainLabels,
            float[][] testFeatures,
            int[] testLabels) {
        ModelGraph float32 = new TrainedNetworkConverter().convert(result.network());
        ModelGraph int8 = new PostTrainingQuantizer()
                .quantize(
                        float32,
                        CalibrationSet.selectStratified(
                                trainFeatures, trainLabels, result.trainIndices(), CalibrationSet.DEFAULT_SIZE, 7));

        double floatAccuracy = new GraphPredictor(float32).accuracy(testFeatures, testLabels);
        double int8Accuracy = new GraphPredictor(int8).accuracy(testFeatures, testLabels);
        System.out.printf(
                Locale.ROOT,
                "%s: test accuracy float32 %.2f %%, int8 %.2f %% (%d windows)%n",
                name,
                100 * floatAccuracy,
                100 * int8Accuracy,
                testLabels.length);

        assertThat(int8.inputTensor(0).type()).isEqualTo(DataType.INT8);
        assertThat(floatAccuracy).as("the float model learned the gestures").isGreaterThan(0.8);
        assertThat(int8Accuracy).isCloseTo(floatAccuracy, within(ALLOWED_DIFFERENCE));
    }
}
