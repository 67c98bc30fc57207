package dev.edgeforge.training.trainer;

import static dev.edgeforge.core.learning.Activation.NONE;
import static dev.edgeforge.core.learning.Activation.RELU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.Padding;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.TrainedLayer;
import dev.edgeforge.core.learning.TrainedNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trainer options compression builds on: initial weights, step hooks and distillation. */
class FineTuningOptionsTest {

    private static final List<String> CLASSES = List.of("a", "b", "c");

    @Test
    void initialWeightsAreLoadedInEveryLayout() {
        SyntheticData data = SyntheticData.bars(12, 7, 3);
        LearningBlock block = LearningBlock.classification(List.of(
                LayerSpec.conv2d(4, 3, 2, 1, Padding.SAME, NONE),
                LayerSpec.batchNorm(),
                LayerSpec.relu(),
                LayerSpec.depthwiseConv2d(3, 3, 2, 1, Padding.SAME, RELU),
                LayerSpec.flatten(),
                LayerSpec.dense(5, RELU)));
        TrainedNetwork trained = images(
                        block, data, Hyperparameters.defaults().withEpochs(2).withLearningRate(0.01), null)
                .network();

        // A step this small cannot move a weight measurably: what comes out is what went in.
        TrainedNetwork again = images(
                        block, data, Hyperparameters.defaults().withEpochs(1).withLearningRate(1e-12), trained)
                .network();

        assertSameParameters(again, trained);
        SyntheticData sines = SyntheticData.sines(10, 3, 12, 2, 4);
        LearningBlock conv1d = LearningBlock.classification(List.of(LayerSpec.conv1d(3, 4, 2, Padding.SAME, RELU)));
        TrainedNetwork series = Trainer.builder()
                .setArchitecture(conv1d)
                .setHyperparameters(Hyperparameters.defaults().withEpochs(2).withLearningRate(0.01))
                .setFeatures(sines.features, TensorShape.of(12, 2), FeatureKind.TIME_SERIES)
                .setClassLabels(sines.labels, CLASSES)
                .build()
                .train()
                .network();
        TrainedNetwork seriesAgain = Trainer.builder()
                .setArchitecture(conv1d)
                .setHyperparameters(Hyperparameters.defaults().withEpochs(1).withLearningRate(1e-12))
                .setFeatures(sines.features, TensorShape.of(12, 2), FeatureKind.TIME_SERIES)
                .setClassLabels(sines.labels, CLASSES)
                .optInitialWeights(series)
                .build()
                .train()
                .network();
        assertSameParameters(seriesAgain, series);
    }

    @Test
    void initialWeightsMustFitTheArchitecture() {
        SyntheticData data = SyntheticData.blobs(10, 3, 4, 1);
        TrainedNetwork trained = dense(List.of(LayerSpec.dense(6, RELU)), data, 1, null, StepHook.NONE)
                .network();

        assertThatThrownBy(() -> Trainer.builder()
                        .setArchitecture(LearningBlock.classification(List.of(LayerSpec.dense(7, RELU))))
                        .setHyperparameters(Hyperparameters.defaults())
                        .setFeatures(data.features)
                        .setClassLabels(data.labels, CLASSES)
                        .optInitialWeights(trained)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initial weights");
    }

    @Test
    void stepHookSeesEveryStepAndItsChangesStick() {
        SyntheticData data = SyntheticData.blobs(20, 3, 4, 2); // 48 training samples: 2 batches of 32 and 16
        List<TrainingStep> steps = new ArrayList<>();
        List<TrainingStep> starts = new ArrayList<>();
        StepHook zeroFirstRow = new StepHook() {
            @Override
            public void beforeTraining(TrainingStep plan, NetworkWeights weights) {
                starts.add(plan);
                zeroFirstRow(weights);
            }

            @Override
            public void afterStep(TrainingStep step, NetworkWeights weights) {
                steps.add(step);
                zeroFirstRow(weights);
            }

            private void zeroFirstRow(NetworkWeights weights) {
                NDArray w = weights.weights(0);
                float[] values = w.toFloatArray();
                Arrays.fill(values, 0, 4, 0f);
                w.set(values);
            }
        };

        TrainedNetwork network = dense(List.of(LayerSpec.dense(6, RELU)), data, 3, null, zeroFirstRow)
                .network();

        assertThat(starts).containsExactly(new TrainingStep(0, 3, 0, 2, 0, 6));
        assertThat(steps).hasSize(6);
        assertThat(steps.get(5)).isEqualTo(new TrainingStep(3, 3, 2, 2, 6, 6));
        assertThat(Arrays.copyOf(network.layers().get(0).weights().values(), 4)).containsOnly(0f);
        assertThat(network.layers().get(0).weights().values()[4]).isNotZero();
    }

    @Test
    void distillationWithAlphaOneIsPlainTraining() {
        SyntheticData data = SyntheticData.blobs(20, 3, 4, 3);
        float[][] arbitraryTeacher = new float[data.features.length][3];
        for (int i = 0; i < arbitraryTeacher.length; i++) {
            arbitraryTeacher[i][(data.labels[i] + 1) % 3] = 5; // deliberately wrong: alpha 1 must ignore it
        }

        TrainingResult plain = dense(List.of(LayerSpec.dense(6, RELU)), data, 3, null, StepHook.NONE);
        TrainingResult distilled = dense(
                List.of(LayerSpec.dense(6, RELU)), data, 3, new Distillation(arbitraryTeacher, 3, 1.0), StepHook.NONE);

        for (int e = 0; e < 3; e++) {
            assertThat(distilled.history().get(e).validationLoss())
                    .isCloseTo(plain.history().get(e).validationLoss(), within(1e-5));
        }
    }

    @Test
    void studentLearnsFromTheTeacherAloneWithAlphaZero() {
        SyntheticData data = SyntheticData.blobs(30, 3, 4, 5);
        int[] wrongLabels = new int[data.labels.length];
        float[][] teacher = new float[data.features.length][3];
        for (int i = 0; i < teacher.length; i++) {
            teacher[i][data.labels[i]] = 4; // the teacher knows the classes...
            wrongLabels[i] = (data.labels[i] + 1) % 3; // ...the hard labels are all wrong, and alpha 0 ignores them
        }

        TrainingResult student = Trainer.builder()
                .setArchitecture(LearningBlock.classification(List.of(LayerSpec.dense(8, RELU))))
                .setHyperparameters(Hyperparameters.defaults().withEpochs(20).withLearningRate(0.01))
                .setFeatures(data.features)
                .setClassLabels(wrongLabels, CLASSES)
                .optDistillation(new Distillation(teacher, 2, 0))
                .build()
                .train();

        // Validation accuracy is measured against the (wrong) hard labels: the student follows the teacher instead.
        assertThat(student.lastEpochMetrics().validationAccuracy()).isLessThan(0.1);
    }

    @Test
    void distillationLossMatchesTheFormula() {
        try (NDManager manager = TrainingRun.pyTorch().newBaseManager()) {
            float[] logits = {1, 2, 0.5f, -1, 0, 3};
            float[] teacher = {0.2f, 0.5f, 0.3f, 0.6f, 0.3f, 0.1f};
            float[] labels = {0, 1, 0, 0.2f, 0.5f, 0.3f, 1, 0, 0, 0.6f, 0.3f, 0.1f};
            double temperature = 2;
            double alpha = 0.3;
            NDArray loss = new DistillationLoss(3, temperature, alpha)
                    .evaluate(
                            new NDList(manager.create(labels, new Shape(2, 6))),
                            new NDList(manager.create(logits, new Shape(2, 3))));

            double expected = 0;
            int[] hard = {1, 0};
            for (int b = 0; b < 2; b++) {
                double[] z = {logits[3 * b], logits[3 * b + 1], logits[3 * b + 2]};
                double ce = -logSoftmax(z, 1)[hard[b]];
                double[] student = logSoftmax(z, temperature);
                double kl = 0;
                for (int j = 0; j < 3; j++) {
                    double q = teacher[3 * b + j];
                    kl += q * (Math.log(q) - student[j]);
                }
                expected += (alpha * ce + (1 - alpha) * temperature * temperature * kl) / 2;
            }
            assertThat((double) loss.getFloat()).isCloseTo(expected, within(1e-5));
        }
    }

    private static double[] logSoftmax(double[] z, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v / temperature);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v / temperature - max);
        }
        double[] out = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            out[j] = z[j] / temperature - max - Math.log(sum);
        }
        return out;
    }

    private static TrainingResult dense(
            List<LayerSpec> layers, SyntheticData data, int epochs, Distillation distillation, StepHook hook) {
        Trainer.Builder builder = Trainer.builder()
                .setArchitecture(LearningBlock.classification(layers))
                .setHyperparameters(
                        Hyperparameters.defaults().withEpochs(epochs).withLearningRate(0.01))
                .setFeatures(data.features)
                .setClassLabels(data.labels, CLASSES)
                .optStepHook(hook);
        if (distillation != null) {
            builder.optDistillation(distillation);
        }
        return builder.build().train();
    }

    private static TrainingResult images(
            LearningBlock block, SyntheticData data, Hyperparameters hyperparameters, TrainedNetwork initial) {
        Trainer.Builder builder = Trainer.builder()
                .setArchitecture(block)
                .setHyperparameters(hyperparameters)
                .setFeatures(data.features, TensorShape.of(7, 7, 1), FeatureKind.IMAGE)
                .setClassLabels(data.labels, CLASSES);
        if (initial != null) {
            builder.optInitialWeights(initial);
        }
        return builder.build().train();
    }

    /** Weights, biases, gamma and beta equal within 1e-6; batch norm's running statistics move with every batch. */
    private static void assertSameParameters(TrainedNetwork actual, TrainedNetwork expected) {
        for (int i = 0; i < expected.layers().size(); i++) {
            TrainedLayer a = actual.layers().get(i);
            TrainedLayer e = expected.layers().get(i);
            if (e.weights() != null) {
                assertThat(a.weights().values())
                        .as("weights of layer " + i)
                        .containsExactly(e.weights().values(), within(1e-6f));
                assertThat(a.bias().values())
                        .as("bias of layer " + i)
                        .containsExactly(e.bias().values(), within(1e-6f));
            }
            if (e.batchNorm() != null) {
                assertThat(a.batchNorm().gamma()).containsExactly(e.batchNorm().gamma(), within(1e-6f));
                assertThat(a.batchNorm().beta()).containsExactly(e.batchNorm().beta(), within(1e-6f));
            }
        }
    }
}
