package dev.edgeforge.training.compression;

import static dev.edgeforge.core.learning.Activation.RELU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.export.CalibrationSet;
import dev.edgeforge.core.learning.export.TrainedNetworkConverter;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.stats.GraphPredictor;
import dev.edgeforge.core.model.stats.ModelStats;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import dev.edgeforge.core.synthetic.GestureWindows;
import dev.edgeforge.training.trainer.NetworkWeights;
import dev.edgeforge.training.trainer.StepHook;
import dev.edgeforge.training.trainer.Trainer;
import dev.edgeforge.training.trainer.TrainingResult;
import dev.edgeforge.training.trainer.TrainingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MagnitudePruningTest {

    private static final LearningBlock DENSE =
            LearningBlock.classification(List.of(LayerSpec.dense(32, RELU), LayerSpec.dense(16, RELU)));

    @Test
    void reachesTheTargetSparsityInEveryLayerAndKeepsAccuracy() {
        GestureWindows train = GestureWindows.generate(800, 20, 31);
        GestureWindows test = GestureWindows.generate(400, 10, 32);
        LabelledSamples samples = LabelledSamples.flat(
                GestureWindows.spectralFeatures(train.windows()), train.labels(), GestureWindows.GESTURES);
        float[][] testFeatures = GestureWindows.spectralFeatures(test.windows());
        Hyperparameters hyperparameters =
                Hyperparameters.defaults().withEpochs(20).withLearningRate(0.005);
        TrainingResult trained = samples.applyTo(Trainer.builder())
                .setArchitecture(DENSE)
                .setHyperparameters(hyperparameters)
                .build()
                .train();

        MagnitudePruningResult pruned = MagnitudePruning.builder()
                .setModel(TrainedModel.of(trained))
                .setSamples(samples)
                .setHyperparameters(hyperparameters.withEpochs(8).withLearningRate(0.002))
                .setSchedule(SparsitySchedule.to(0.75))
                .build()
                .prune();

        // 33x32, 32x16 and the 16x4 output head, each with round(0.75 n) zeros
        assertThat(pruned.layers()).extracting(LayerSparsity::weights).containsExactly(33 * 32, 32 * 16, 16 * 4);
        assertThat(pruned.layers()).extracting(LayerSparsity::zeros).containsExactly(792, 384, 48);
        assertThat(pruned.sparsity()).isCloseTo(0.75, within(0.001));
        assertThat(MagnitudePruning.sparsity(trained.network())).allMatch(l -> l.zeros() == 0);

        ModelGraph original = new TrainedNetworkConverter().convert(trained.network());
        ModelGraph sparse = new TrainedNetworkConverter().convert(pruned.model().network());
        ModelGraph sparseInt8 = new PostTrainingQuantizer()
                .quantize(sparse, CalibrationSet.select(samples.features(), samples.allIndices(), 200, 1));
        assertThat(ModelStats.of(sparse).sparsity()).isCloseTo(0.75, within(0.001));
        assertThat(ModelStats.of(sparseInt8).sparsity())
                .as("zeros stay zero in int8")
                .isGreaterThanOrEqualTo(0.75);
        assertThat(ModelStats.of(sparse).parameters())
                .isEqualTo(ModelStats.of(original).parameters());
        double before = new GraphPredictor(original).accuracy(testFeatures, test.labels());
        double after = new GraphPredictor(sparse).accuracy(testFeatures, test.labels());
        double afterInt8 = new GraphPredictor(sparseInt8).accuracy(testFeatures, test.labels());
        System.out.printf(
                Locale.ROOT,
                "magnitude pruning to %.0f %%: test accuracy %.2f %% -> %.2f %% (int8 %.2f %%)%n",
                100 * pruned.sparsity(),
                100 * before,
                100 * after,
                100 * afterInt8);
        assertThat(after).isGreaterThan(before - 0.05);
    }

    @Test
    void prunedWeightsStayPrunedWhileSparsityRises() {
        GestureWindows train = GestureWindows.generate(200, 10, 33);
        LabelledSamples samples = LabelledSamples.flat(
                GestureWindows.spectralFeatures(train.windows()), train.labels(), GestureWindows.GESTURES);
        SparsityMasks masks = new SparsityMasks(new SparsitySchedule(0.2, 0.8, 0.5));
        List<boolean[]> zeroSets = new ArrayList<>();
        List<Long> steps = new ArrayList<>();
        StepHook recording = new StepHook() {
            @Override
            public void beforeTraining(TrainingStep plan, NetworkWeights weights) {
                masks.beforeTraining(plan, weights);
                record(weights);
            }

            @Override
            public void afterStep(TrainingStep step, NetworkWeights weights) {
                masks.afterStep(step, weights);
                record(weights);
                steps.add(step.step());
            }

            private void record(NetworkWeights weights) {
                NDArray first = weights.weights(0);
                float[] values = first.toFloatArray();
                boolean[] zero = new boolean[values.length];
                for (int i = 0; i < values.length; i++) {
                    zero[i] = values[i] == 0f;
                }
                zeroSets.add(zero);
            }
        };

        samples.applyTo(Trainer.builder())
                .setArchitecture(DENSE)
                .setHyperparameters(Hyperparameters.defaults().withEpochs(4).withLearningRate(0.01))
                .optStepHook(recording)
                .build()
                .train();

        int size = zeroSets.get(0).length;
        assertThat(count(zeroSets.get(0))).isEqualTo(Math.round(0.2 * size));
        for (int k = 1; k < zeroSets.size(); k++) {
            for (int i = 0; i < size; i++) {
                if (zeroSets.get(k - 1)[i]) {
                    assertThat(zeroSets.get(k)[i])
                            .as("weight %d after step %d", i, k)
                            .isTrue();
                }
            }
        }
        long total = steps.get(steps.size() - 1);
        int halfway = (int) (total / 2);
        // The ramp ends halfway: from there on the layer holds the target sparsity.
        assertThat(count(zeroSets.get(halfway))).isEqualTo(Math.round(0.8 * size));
        assertThat(count(zeroSets.get(zeroSets.size() - 1))).isEqualTo(Math.round(0.8 * size));
        assertThat(count(zeroSets.get(halfway / 2)))
                .isBetween((int) Math.round(0.2 * size) + 1, (int) Math.round(0.8 * size) - 1);
    }

    @Test
    void scheduleIsCubicAndFlatAfterTheRamp() {
        SparsitySchedule schedule = new SparsitySchedule(0.1, 0.9, 0.5);

        assertThat(schedule.sparsityAt(0, 100)).isCloseTo(0.1, within(1e-12));
        assertThat(schedule.sparsityAt(25, 100)).isCloseTo(0.9 - 0.8 * 0.125, within(1e-12));
        assertThat(schedule.sparsityAt(50, 100)).isCloseTo(0.9, within(1e-12));
        assertThat(schedule.sparsityAt(100, 100)).isCloseTo(0.9, within(1e-12));
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean flag : flags) {
            n += flag ? 1 : 0;
        }
        return n;
    }
}
