package dev.edgeforge.core.learning;

import static dev.edgeforge.core.learning.Activation.NONE;
import static dev.edgeforge.core.learning.Activation.RELU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LearningBlockTest {

    @Test
    void flatFeaturesDefaultToDense20Then10() {
        LearningBlock block =
                LearningBlock.defaultsFor(LearningBlock.Kind.CLASSIFICATION, FeatureKind.FLAT, TensorShape.of(33));

        assertThat(block.layers()).containsExactly(LayerSpec.dense(20, RELU), LayerSpec.dense(10, RELU));
        assertThat(block.networkLayers(TensorShape.of(33), 4))
                .containsExactly(
                        LayerSpec.dense(20, RELU),
                        LayerSpec.dense(10, RELU),
                        LayerSpec.dense(4, NONE),
                        LayerSpec.softmax());
        assertThat(block.problems(TensorShape.of(33), 4)).isEmpty();
    }

    @Test
    void everyDefaultIsValidForItsFeatures() {
        record Case(FeatureKind kind, TensorShape shape) {}
        for (Case c : List.of(
                new Case(FeatureKind.TIME_SERIES, TensorShape.of(125, 3)),
                new Case(FeatureKind.TIME_SERIES, TensorShape.of(3, 1)),
                new Case(FeatureKind.SPECTROGRAM, TensorShape.of(49, 40, 1)),
                new Case(FeatureKind.SPECTROGRAM, TensorShape.of(49, 13)),
                new Case(FeatureKind.IMAGE, TensorShape.of(96, 96, 3)),
                new Case(FeatureKind.IMAGE, TensorShape.of(2, 2, 1)),
                new Case(FeatureKind.FLAT, TensorShape.of(4, 4)))) {
            for (LearningBlock.Kind kind : List.of(LearningBlock.Kind.CLASSIFICATION, LearningBlock.Kind.REGRESSION)) {
                LearningBlock block = LearningBlock.defaultsFor(kind, c.kind(), c.shape());
                assertThat(block.problems(c.shape(), 3)).as(c + " " + kind).isEmpty();
            }
        }
    }

    @Test
    void timeSeriesDefaultIsAConv1dStackAndNeedsRankTwo() {
        List<LayerSpec> layers = DefaultArchitecture.layersFor(FeatureKind.TIME_SERIES, TensorShape.of(125, 3));

        assertThat(layers).first().isInstanceOf(LayerSpec.Conv1d.class);
        assertThat(layers).last().isEqualTo(LayerSpec.flatten());
        assertThatThrownBy(() -> DefaultArchitecture.layersFor(FeatureKind.TIME_SERIES, TensorShape.of(375)))
                .hasMessage("time series features need the shape [time, channels], got [375]");
    }

    @Test
    void windowsOverTimeGetThreeConvolutionStagesAndGlobalAveragePooling() {
        List<LayerSpec> raw = DefaultArchitecture.layersFor(FeatureKind.TIME_SERIES, TensorShape.of(315, 3));
        List<LayerSpec> frames = DefaultArchitecture.layersFor(FeatureKind.SPECTROGRAM, TensorShape.of(69, 13));

        assertThat(raw.get(0)).isEqualTo(LayerSpec.conv1d(16, 5, 1, Padding.SAME, NONE));
        assertThat(raw.get(1)).isEqualTo(LayerSpec.batchNorm());
        assertThat(raw.get(4)).isEqualTo(LayerSpec.conv1d(32, 5, 1, Padding.SAME, NONE));
        assertThat(raw.get(8)).isEqualTo(LayerSpec.conv1d(64, 5, 1, Padding.SAME, NONE));
        // 315 → 157 → 78 → 39 readings, averaged
        assertThat(raw.get(12)).isEqualTo(LayerSpec.averagePool1d(39, 39));
        assertThat(frames.get(0)).isEqualTo(LayerSpec.conv1d(16, 3, 1, Padding.SAME, NONE));
        assertThat(LearningBlock.classification(frames).problems(TensorShape.of(69, 13), 10))
                .isEmpty();
        assertThat(LearningBlock.classification(
                                DefaultArchitecture.layersFor(FeatureKind.SPECTROGRAM, TensorShape.of(69, 13, 1)))
                        .problems(TensorShape.of(69, 13, 1), 10))
                .isEmpty();
    }

    @Test
    void defaultTrainingStopsEarlyKeepsTheBestEpochAndMasksSpectrograms() {
        Hyperparameters defaults = Hyperparameters.defaults();

        assertThat(defaults.epochs()).isEqualTo(200);
        assertThat(defaults.learningRate()).isEqualTo(0.001);
        assertThat(defaults.earlyStopping()).isEqualTo(new EarlyStopping(20, 0));
        assertThat(defaults.schedule()).isEqualTo(new LearningRateSchedule.ReduceOnPlateau(5, 0.5, 1e-5));
        assertThat(defaults.autoClassWeights()).isTrue();
        assertThat(Hyperparameters.defaultsFor(FeatureKind.TIME_SERIES, TensorShape.of(315, 3)))
                .isEqualTo(defaults);
        Hyperparameters spectrogram = Hyperparameters.defaultsFor(FeatureKind.SPECTROGRAM, TensorShape.of(69, 13));
        assertThat(spectrogram.augmentation().spectrogram())
                .isEqualTo(new SpectrogramAugmentation(2, 3, 1, 2, 0, 0, 1.0));
        assertThat(spectrogram.problems()).isEmpty();
        assertThat(spectrogram.augmentation().problemsFor(FeatureKind.SPECTROGRAM))
                .isEmpty();
    }

    @Test
    void regressionHeadHasNoSoftmaxAndConvOutputIsFlattened() {
        LearningBlock block = LearningBlock.regression(List.of(LayerSpec.conv1d(4, 3, 1, Padding.SAME, RELU)));

        assertThat(block.networkLayers(TensorShape.of(10, 2), 2))
                .containsExactly(
                        LayerSpec.conv1d(4, 3, 1, Padding.SAME, RELU), LayerSpec.flatten(), LayerSpec.dense(2, NONE));
    }

    @Test
    void anomalyBlockChecksItsSettings() {
        assertThat(LearningBlock.anomalyKMeans(KMeansSettings.defaults()).problems(TensorShape.of(3), 0))
                .isEmpty();
        assertThat(LearningBlock.anomalyKMeans(new KMeansSettings(0, 10, true)).problems(TensorShape.of(3), 0))
                .extracting(LayerProblem::message)
                .containsExactly("kmeans.clusterCount must be between 1 and 1024, got 0");
        assertThatThrownBy(() -> LearningBlock.classification(List.of()).requireValid(TensorShape.of(3), 1))
                .isInstanceOf(ArchitectureViolation.class)
                .hasMessage("invalid architecture: classification needs at least 2 classes, got 1");
    }

    @Test
    void hyperparametersReportEveryBadField() {
        Hyperparameters bad = new Hyperparameters(
                0,
                Double.NaN,
                32,
                1.0,
                false,
                1,
                new EarlyStopping(0, -1),
                new Augmentation(new TimeSeriesAugmentation(0.1, 0.7, 0.2), null, new ImageAugmentation(true, 0.1, 2)),
                null);

        assertThat(bad.problems())
                .containsExactly(
                        "epochs must be between 1 and 10000, got 0",
                        "learningRate must be a positive finite number, got NaN",
                        "validationSplit must be above 0 and at most 0.9, got 1.0",
                        "earlyStopping.patience must be between 1 and 10000, got 0",
                        "earlyStopping.minDelta must be zero or a positive finite number, got -1.0",
                        "augmentation.timeSeries.maxTimeShift must be between 0 and 0.5, got 0.7",
                        "augmentation.image.brightnessDelta must be between 0 and 1, got 2.0");
        assertThatThrownBy(bad::requireValid).isInstanceOf(HyperparameterViolation.class);
        assertThat(Hyperparameters.defaults().problems()).isEmpty();
        assertThat(Augmentation.of(new SpectrogramAugmentation(2, 0, 0, 0, 0)).problems())
                .containsExactly(
                        "augmentation.spectrogram.maxTimeMaskWidth must be at least 1 when time masks are used");
        assertThat(Augmentation.of(new ImageAugmentation(true, 0, 0)).problemsFor(FeatureKind.TIME_SERIES))
                .containsExactly("augmentation.image is set but the features are time series");
    }
}
