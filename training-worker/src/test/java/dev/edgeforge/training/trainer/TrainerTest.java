package dev.edgeforge.training.trainer;

import static dev.edgeforge.core.learning.Activation.RELU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import dev.edgeforge.core.learning.ArchitectureViolation;
import dev.edgeforge.core.learning.Augmentation;
import dev.edgeforge.core.learning.EarlyStopping;
import dev.edgeforge.core.learning.EpochMetrics;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.LearningRateSchedule;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.TimeSeriesAugmentation;
import dev.edgeforge.core.learning.eval.ClassificationReport;
import dev.edgeforge.core.learning.eval.RegressionReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static final List<String> CLASSES = List.of("idle", "wave", "circle");
    private static final LearningBlock DENSE_20_10 =
            LearningBlock.classification(List.of(LayerSpec.dense(20, RELU), LayerSpec.dense(10, RELU)));

    @Test
    void denseNetworkSeparatesThreeClasses() {
        SyntheticData data = SyntheticData.blobs(200, 3, 8, 1);
        List<EpochMetrics> streamed = new ArrayList<>();
        long start = System.nanoTime();

        TrainingResult result = Trainer.builder()
                .setArchitecture(DENSE_20_10)
                .setHyperparameters(Hyperparameters.defaults().withEpochs(20).withLearningRate(0.01))
                .setFeatures(data.features)
                .setClassLabels(data.labels, CLASSES)
                .optEpochListener(streamed::add)
                .build()
                .train();

        assertThat(result.lastEpochMetrics().validationAccuracy()).isGreaterThan(0.9);
        assertThat(streamed).hasSize(20).isEqualTo(result.history());
        assertThat(streamed).extracting(EpochMetrics::epoch).startsWith(1, 2, 3).endsWith(20);
        assertThat(result.lastEpochMetrics().trainLoss())
                .isLessThan(result.history().get(0).trainLoss());
        assertThat(result.validationIndices()).hasSize(120);
        assertThat(result.trainIndices()).hasSize(480);
        assertThat(result.validationOutputs()[0]).hasSize(3);
        float sum = 0;
        for (float p : result.validationOutputs()[0]) {
            sum += p;
        }
        assertThat(sum).isCloseTo(1f, within(1e-5f));
        assertThat(result.outputNames()).isEqualTo(CLASSES);
        // the last epoch's weights were kept, so the report on the returned outputs repeats its accuracy
        int[] actual = Arrays.stream(result.validationIndices())
                .map(i -> data.labels[i])
                .toArray();
        ClassificationReport report = ClassificationReport.of(actual, result.validationOutputs(), CLASSES, 0);
        assertThat(report.accuracy()).isEqualTo(result.lastEpochMetrics().validationAccuracy());
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(20);
    }

    @Test
    void validationSplitIsStratifiedByClass() {
        SyntheticData data = SyntheticData.blobs(10, 3, 4, 2);
        int[] labels = new int[33];
        float[][] features = new float[33][];
        for (int i = 0; i < 33; i++) {
            // classes of 20, 10 and 3 samples
            labels[i] = i < 20 ? 0 : i < 30 ? 1 : 2;
            features[i] = data.features[i % 30];
        }

        TrainingResult result = Trainer.builder()
                .setArchitecture(DENSE_20_10)
                .setHyperparameters(Hyperparameters.defaults()
                        .withEpochs(1)
                        .withValidationSplit(0.2)
                        .withAutoClassWeights(true))
                .setFeatures(features)
                .setClassLabels(labels, CLASSES)
                .build()
                .train();

        int[] perClass = new int[3];
        for (int i : result.validationIndices()) {
            perClass[labels[i]]++;
        }
        assertThat(perClass).containsExactly(4, 2, 1);
        // balanced weights from the training counts 16, 8 and 2: 26 / (3 * n_c)
        assertThat(result.classWeights()).containsExactly(new float[] {26f / 48, 26f / 24, 26f / 6}, within(1e-6f));
    }

    @Test
    void automaticClassWeightsLeaveAboutBalancedClassesAlone() {
        SyntheticData data = SyntheticData.blobs(10, 3, 4, 2);
        float[][] features = new float[30][];
        int[] labels = new int[30];
        for (int i = 0; i < 30; i++) {
            // classes of 11, 10 and 9 samples
            labels[i] = i < 11 ? 0 : i < 21 ? 1 : 2;
            features[i] = data.features[i];
        }

        TrainingResult result = Trainer.builder()
                .setArchitecture(DENSE_20_10)
                .setHyperparameters(Hyperparameters.defaults().withEpochs(1).withValidationSplit(0.2))
                .setFeatures(features)
                .setClassLabels(labels, CLASSES)
                .build()
                .train();

        // on by default, but the training counts differ by less than 1.5 times
        assertThat(Hyperparameters.defaults().autoClassWeights()).isTrue();
        assertThat(result.classWeights()).isNull();
    }

    @Test
    void regressionLearnsALinearTarget() {
        SyntheticData data = SyntheticData.linear(500, 3);

        TrainingResult result = Trainer.builder()
                .setArchitecture(LearningBlock.regression(List.of(LayerSpec.dense(16, RELU))))
                .setHyperparameters(Hyperparameters.defaults()
                        .withEpochs(60)
                        .withLearningRate(0.01)
                        .withBatchSize(16)
                        // decay to a small rate: at a constant 0.01 the last epoch's weights depend on where
                        // Adam's noise left them, which changes with PyTorch's thread count
                        .withSchedule(new LearningRateSchedule.Cosine(0.0, 1e-4)))
                .setFeatures(data.features)
                .setTargets(data.targets, List.of("y"))
                .build()
                .train();

        float[][] actual = Arrays.stream(result.validationIndices())
                .mapToObj(i -> data.targets[i])
                .toArray(float[][]::new);
        RegressionReport report = RegressionReport.of(actual, result.validationOutputs(), List.of("y"));
        // y spans about -5.5 .. 7.5
        assertThat(report.mae()).isLessThan(0.1);
        assertThat(result.lastEpochMetrics().trainAccuracy()).isNull();
        assertThat(result.lastEpochMetrics().validationLoss()).isLessThan(0.02);
    }

    @Test
    void sameSeedGivesSameMetricsAndOtherSeedDoesNot() {
        SyntheticData data = SyntheticData.blobs(40, 3, 6, 4);
        LearningBlock withDropout = LearningBlock.classification(
                List.of(LayerSpec.dense(20, RELU), LayerSpec.dropout(0.3), LayerSpec.dense(10, RELU)));
        Hyperparameters hyperparameters =
                Hyperparameters.defaults().withEpochs(5).withLearningRate(0.005).withSeed(7);

        TrainingResult first = train(withDropout, hyperparameters, data);
        TrainingResult second = train(withDropout, hyperparameters, data);
        TrainingResult otherSeed = train(withDropout, hyperparameters.withSeed(8), data);

        assertThat(losses(second)).isEqualTo(losses(first));
        assertThat(second.validationIndices()).isEqualTo(first.validationIndices());
        assertThat(second.validationOutputs()).isDeepEqualTo(first.validationOutputs());
        assertThat(losses(otherSeed)).isNotEqualTo(losses(first));
    }

    @Test
    void cancellationDuringAnEpochStopsBeforeTheNextBatch() {
        SyntheticData data = SyntheticData.blobs(100, 3, 4, 5);
        AtomicInteger checks = new AtomicInteger();
        List<EpochMetrics> seen = new ArrayList<>();

        assertThatThrownBy(() -> Trainer.builder()
                        .setArchitecture(DENSE_20_10)
                        .setHyperparameters(
                                Hyperparameters.defaults().withEpochs(50).withBatchSize(8))
                        .setFeatures(data.features)
                        .setClassLabels(data.labels, CLASSES)
                        .optEpochListener(seen::add)
                        .optCancellation(() -> checks.incrementAndGet() > 3)
                        .build()
                        .train())
                .isInstanceOf(TrainingCancelledException.class)
                .hasMessage("Training was cancelled in epoch 1 of 50, after 3 of 30 batches.");
        assertThat(seen).isEmpty();
    }

    @Test
    void cancellationFromTheListenerStopsTheNextEpoch() {
        SyntheticData data = SyntheticData.blobs(30, 3, 4, 6);
        List<EpochMetrics> seen = new ArrayList<>();

        assertThatThrownBy(() -> Trainer.builder()
                        .setArchitecture(DENSE_20_10)
                        .setHyperparameters(Hyperparameters.defaults().withEpochs(50))
                        .setFeatures(data.features)
                        .setClassLabels(data.labels, CLASSES)
                        .optEpochListener(seen::add)
                        .optCancellation(() -> seen.size() >= 2)
                        .build()
                        .train())
                .isInstanceOfSatisfying(
                        TrainingCancelledException.class,
                        e -> assertThat(e.epoch()).isEqualTo(3));
        assertThat(seen).hasSize(2);
    }

    @Test
    void earlyStoppingKeepsTheBestEpochsWeights() {
        // Random labels: nothing to learn, so validation loss soon rises while the network memorizes.
        SyntheticData data = SyntheticData.blobs(30, 3, 10, 7);
        int[] shuffledLabels = new int[data.labels.length];
        Random rng = new Random(1);
        for (int i = 0; i < shuffledLabels.length; i++) {
            shuffledLabels[i] = i % 3;
            data.features[i] = new float[10];
            for (int d = 0; d < 10; d++) {
                data.features[i][d] = (float) rng.nextGaussian();
            }
        }

        TrainingResult result = Trainer.builder()
                .setArchitecture(LearningBlock.classification(List.of(LayerSpec.dense(64, RELU))))
                .setHyperparameters(Hyperparameters.defaults()
                        .withEpochs(200)
                        .withLearningRate(0.01)
                        .withEarlyStopping(new EarlyStopping(3, 0)))
                .setFeatures(data.features)
                .setClassLabels(shuffledLabels, CLASSES)
                .build()
                .train();

        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.history()).hasSizeLessThan(200);
        assertThat(result.bestEpoch()).isEqualTo(result.history().size() - 3);
        double bestLoss = result.bestEpochMetrics().validationLoss();
        assertThat(result.history())
                .allSatisfy(m -> assertThat(m.validationLoss()).isGreaterThanOrEqualTo(bestLoss));
        // The returned outputs come from the restored best weights, not from the last epoch.
        double loss = 0;
        for (int i = 0; i < result.validationIndices().length; i++) {
            loss -= Math.log(result.validationOutputs()[i][shuffledLabels[result.validationIndices()[i]]]);
        }
        assertThat(loss / result.validationIndices().length).isCloseTo(bestLoss, within(1e-4));
    }

    @Test
    void hugeLearningRateEndsWithADivergenceMessage() {
        SyntheticData data = SyntheticData.blobs(50, 3, 8, 8);

        assertThatThrownBy(() -> train(
                        DENSE_20_10, Hyperparameters.defaults().withEpochs(50).withLearningRate(1e10), data))
                .isInstanceOfSatisfying(
                        TrainingException.class,
                        e -> assertThat(e.reason()).isEqualTo(TrainingException.Reason.DIVERGED))
                .hasMessageStartingWith("Training diverged: the loss exploded from ")
                .hasMessageContaining("Lower the learning rate (now 1.0E10)");
    }

    @Test
    void overflowingFeaturesEndWithANanLossMessage() {
        SyntheticData data = SyntheticData.blobs(20, 3, 8, 14);
        for (float[] row : data.features) {
            for (int d = 0; d < row.length; d++) {
                row[d] = Math.copySign(3e38f, row[d]);
            }
        }

        assertThatThrownBy(() -> train(DENSE_20_10, Hyperparameters.defaults(), data))
                .isInstanceOfSatisfying(
                        TrainingException.class,
                        e -> assertThat(e.reason()).isEqualTo(TrainingException.Reason.DIVERGED))
                .hasMessageStartingWith("Training diverged: the loss became NaN in epoch 1, batch 1 of 2.");
    }

    @Test
    void nonFiniteFeatureIsNamed() {
        SyntheticData data = SyntheticData.blobs(10, 3, 4, 9);
        data.features[5][2] = Float.NaN;

        assertThatThrownBy(() -> train(DENSE_20_10, Hyperparameters.defaults(), data))
                .isInstanceOfSatisfying(
                        TrainingException.class,
                        e -> assertThat(e.reason()).isEqualTo(TrainingException.Reason.INVALID_DATA))
                .hasMessageStartingWith("Sample 5 has a non-finite feature value (NaN at index 2).");
    }

    @Test
    void emptyClassIsNamed() {
        SyntheticData data = SyntheticData.blobs(10, 2, 4, 10);

        assertThatThrownBy(() -> train(DENSE_20_10, Hyperparameters.defaults(), data))
                .isInstanceOfSatisfying(
                        TrainingException.class,
                        e -> assertThat(e.reason()).isEqualTo(TrainingException.Reason.EMPTY_CLASS))
                .hasMessage("Class 'circle' has no samples. Add samples with this label or remove the class.");
    }

    @Test
    void classWithOneSampleIsTooSmall() {
        SyntheticData data = SyntheticData.blobs(3, 3, 4, 11);
        data.labels[2] = 0;
        data.labels[5] = 0;

        assertThatThrownBy(() -> train(DENSE_20_10, Hyperparameters.defaults(), data))
                .isInstanceOfSatisfying(
                        TrainingException.class,
                        e -> assertThat(e.reason()).isEqualTo(TrainingException.Reason.TOO_FEW_SAMPLES))
                .hasMessageStartingWith("Class 'circle' has only 1 sample;");
    }

    @Test
    void emptyValidationSetIsReported() {
        SyntheticData data = SyntheticData.linear(4, 12);

        assertThatThrownBy(() -> Trainer.builder()
                        .setArchitecture(LearningBlock.regression(List.of()))
                        .setHyperparameters(Hyperparameters.defaults().withValidationSplit(0.1))
                        .setFeatures(data.features)
                        .setTargets(data.targets, List.of("y"))
                        .build()
                        .train())
                .isInstanceOfSatisfying(
                        TrainingException.class,
                        e -> assertThat(e.reason()).isEqualTo(TrainingException.Reason.TOO_FEW_SAMPLES))
                .hasMessage("The validation set is empty: 4 samples with a validation split of 0.1 leave none for "
                        + "validation. Add samples or raise the validation split.");
    }

    @Test
    void builderChecksItsSettings() {
        SyntheticData data = SyntheticData.blobs(5, 3, 4, 13);

        assertThatThrownBy(() -> Trainer.builder()
                        .setHyperparameters(Hyperparameters.defaults())
                        .setFeatures(data.features)
                        .setClassLabels(data.labels, CLASSES)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("setArchitecture is required");
        assertThatThrownBy(() -> Trainer.builder()
                        .setArchitecture(DENSE_20_10)
                        .setHyperparameters(Hyperparameters.defaults())
                        .setFeatures(data.features, TensorShape.of(5), FeatureKind.FLAT)
                        .setClassLabels(data.labels, CLASSES)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature row 0 has 4 values but samples of shape [5] have 5");
        assertThatThrownBy(() -> Trainer.builder()
                        .setArchitecture(LearningBlock.classification(List.of(LayerSpec.conv1d(4, 3, 1, null, RELU))))
                        .setHyperparameters(Hyperparameters.defaults())
                        .setFeatures(data.features)
                        .setClassLabels(data.labels, CLASSES)
                        .build())
                .isInstanceOf(ArchitectureViolation.class)
                .hasMessageContaining("layer 0 (conv1d): needs a time series [time, channels] but gets [4]");
        assertThatThrownBy(() -> Trainer.builder()
                        .setArchitecture(DENSE_20_10)
                        .setHyperparameters(Hyperparameters.defaults())
                        .setFeatures(data.features)
                        .setTargets(new float[15])
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("setClassLabels is required for classification");
    }

    @Test
    void nativeArraysDoNotAccumulateAcrossEpochs() {
        SyntheticData data = SyntheticData.blobs(50, 3, 8, 15);
        List<Integer> liveArrays = new ArrayList<>();
        int before = liveNativeArrays();

        train(
                DENSE_20_10,
                Hyperparameters.defaults().withEpochs(6).withBatchSize(16),
                data,
                metrics -> liveArrays.add(liveNativeArrays()));

        // Epoch 1 creates the optimizer state; after that every batch's and validation's arrays are freed.
        assertThat(liveArrays.subList(1, liveArrays.size())).containsOnly(liveArrays.get(1));
        assertThat(liveNativeArrays()).isEqualTo(before);
    }

    @Test
    void augmentationChangesTrainingDeterministically() {
        TensorShape shape = TensorShape.of(16, 2);
        SyntheticData data = SyntheticData.sines(20, 3, 16, 2, 16);
        LearningBlock block = LearningBlock.classification(List.of(LayerSpec.flatten(), LayerSpec.dense(8, RELU)));
        Hyperparameters plain = Hyperparameters.defaults().withEpochs(2);
        Hyperparameters augmented = plain.withAugmentation(Augmentation.of(new TimeSeriesAugmentation(0.3, 0.2, 0.2)));

        double plainLoss =
                trainShaped(block, plain, data, shape).history().get(0).trainLoss();
        double augmentedLoss =
                trainShaped(block, augmented, data, shape).history().get(0).trainLoss();
        double againLoss =
                trainShaped(block, augmented, data, shape).history().get(0).trainLoss();

        assertThat(augmentedLoss).isNotEqualTo(plainLoss).isEqualTo(againLoss);
    }

    private static TrainingResult trainShaped(
            LearningBlock block, Hyperparameters hyperparameters, SyntheticData data, TensorShape shape) {
        return Trainer.builder()
                .setArchitecture(block)
                .setHyperparameters(hyperparameters)
                .setFeatures(data.features, shape, FeatureKind.TIME_SERIES)
                .setClassLabels(data.labels, CLASSES)
                .build()
                .train();
    }

    /** Every native array alive in the PyTorch engine (the system manager and, recursively, its children). */
    private static int liveNativeArrays() {
        try (NDManager probe = TrainingRun.pyTorch().newBaseManager()) {
            return ((BaseNDManager) probe.getParentManager()).getManagedArrays().size();
        }
    }

    static TrainingResult train(LearningBlock block, Hyperparameters hyperparameters, SyntheticData data) {
        return train(block, hyperparameters, data, EpochListener.NONE);
    }

    static TrainingResult train(
            LearningBlock block, Hyperparameters hyperparameters, SyntheticData data, EpochListener listener) {
        return Trainer.builder()
                .setArchitecture(block)
                .setHyperparameters(hyperparameters)
                .setFeatures(data.features)
                .setClassLabels(data.labels, CLASSES)
                .optEpochListener(listener)
                .build()
                .train();
    }

    private static List<List<Double>> losses(TrainingResult result) {
        return result.history().stream()
                .map(m -> List.of(m.trainLoss(), m.trainAccuracy(), m.validationLoss(), m.validationAccuracy()))
                .toList();
    }
}
