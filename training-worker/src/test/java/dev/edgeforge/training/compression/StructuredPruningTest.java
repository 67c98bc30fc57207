package dev.edgeforge.training.compression;

import static dev.edgeforge.core.learning.Activation.NONE;
import static dev.edgeforge.core.learning.Activation.RELU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.Padding;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.export.TrainedNetworkConverter;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.stats.GraphPredictor;
import dev.edgeforge.core.model.stats.ModelStats;
import dev.edgeforge.core.synthetic.GestureWindows;
import dev.edgeforge.training.trainer.Trainer;
import dev.edgeforge.training.trainer.TrainingResult;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StructuredPruningTest {

    @Test
    void halvesADenseNetworkAndKeepsItsAccuracy() {
        GestureWindows train = GestureWindows.generate(800, 20, 41);
        GestureWindows test = GestureWindows.generate(400, 10, 42);
        LabelledSamples samples = LabelledSamples.flat(
                GestureWindows.spectralFeatures(train.windows()), train.labels(), GestureWindows.GESTURES);
        float[][] testFeatures = GestureWindows.spectralFeatures(test.windows());
        Hyperparameters hyperparameters =
                Hyperparameters.defaults().withEpochs(20).withLearningRate(0.005);
        TrainingResult trained = samples.applyTo(Trainer.builder())
                .setArchitecture(
                        LearningBlock.classification(List.of(LayerSpec.dense(32, RELU), LayerSpec.dense(16, RELU))))
                .setHyperparameters(hyperparameters)
                .build()
                .train();

        StructuredPruningResult pruned = StructuredPruning.builder()
                .setModel(TrainedModel.of(trained))
                .setSamples(samples)
                .setHyperparameters(hyperparameters.withEpochs(10).withLearningRate(0.003))
                .setFraction(0.5)
                .build()
                .prune();

        assertThat(pruned.layers())
                .containsExactly(new LayerShrink(0, "dense", 32, 16), new LayerShrink(1, "dense", 16, 8));
        assertThat(pruned.model().architecture().layers())
                .containsExactly(LayerSpec.dense(16, RELU), LayerSpec.dense(8, RELU));
        ModelStats before = ModelStats.of(new TrainedNetworkConverter().convert(trained.network()));
        ModelGraph smallerGraph =
                new TrainedNetworkConverter().convert(pruned.model().network());
        ModelStats after = ModelStats.of(smallerGraph);
        assertThat(before.parameters()).isEqualTo(33 * 32 + 32 + 32 * 16 + 16 + 16 * 4 + 4);
        assertThat(after.parameters()).isEqualTo(33 * 16 + 16 + 16 * 8 + 8 + 8 * 4 + 4);
        assertThat(after.macs()).isEqualTo(33 * 16 + 16 * 8 + 8 * 4);
        assertThat(after.weightBytes()).isLessThan(before.weightBytes() / 2);
        double accuracyBefore = new GraphPredictor(new TrainedNetworkConverter().convert(trained.network()))
                .accuracy(testFeatures, test.labels());
        double accuracyAfter = new GraphPredictor(smallerGraph).accuracy(testFeatures, test.labels());
        System.out.printf(
                Locale.ROOT,
                "structured pruning 32-16 -> 16-8: %d -> %d MACs, test accuracy %.2f %% -> " + "%.2f %%%n",
                before.macs(),
                after.macs(),
                100 * accuracyBefore,
                100 * accuracyAfter);
        assertThat(accuracyAfter).isGreaterThan(accuracyBefore - 0.05);
    }

    @Test
    void shrinksConvolutionFiltersSoMacsDrop() {
        GestureWindows train = GestureWindows.generate(240, 10, 43);
        LabelledSamples samples = new LabelledSamples(
                train.windows(),
                TensorShape.of(GestureWindows.SAMPLES, 3),
                FeatureKind.TIME_SERIES,
                train.labels(),
                GestureWindows.GESTURES);
        Hyperparameters hyperparameters =
                Hyperparameters.defaults().withEpochs(3).withLearningRate(0.005);
        TrainingResult trained = samples.applyTo(Trainer.builder())
                .setArchitecture(LearningBlock.classification(List.of(
                        LayerSpec.conv1d(8, 5, 2, Padding.SAME, NONE),
                        LayerSpec.batchNorm(),
                        LayerSpec.relu(),
                        LayerSpec.maxPool1d(2, 2),
                        LayerSpec.conv1d(12, 5, 2, Padding.SAME, RELU),
                        LayerSpec.averagePool1d(4, 4))))
                .setHyperparameters(hyperparameters)
                .build()
                .train();

        StructuredPruningResult pruned = StructuredPruning.builder()
                .setModel(TrainedModel.of(trained))
                .setSamples(samples)
                .setHyperparameters(hyperparameters.withEpochs(2))
                .setFraction(0.5)
                .build()
                .prune();

        assertThat(pruned.layers())
                .containsExactly(new LayerShrink(0, "conv1d", 8, 4), new LayerShrink(4, "conv1d", 12, 6));
        ModelStats before = ModelStats.of(new TrainedNetworkConverter().convert(trained.network()));
        ModelStats after = ModelStats.of(
                new TrainedNetworkConverter().convert(pruned.model().network()));
        // conv1: 63 steps x filters x 5 x 3; conv2: 16 steps x filters x 5 x inputs; head: 4 x (4 steps x filters)
        assertThat(before.macs()).isEqualTo(63 * 8 * 15 + 16 * 12 * 5 * 8 + 4 * 48);
        assertThat(after.macs()).isEqualTo(63 * 4 * 15 + 16 * 6 * 5 * 4 + 4 * 24);
        assertThat(after.activationLowerBound()).isLessThan(before.activationLowerBound());
    }

    @Test
    void refusesANetworkWithNothingToShrink() {
        GestureWindows train = GestureWindows.generate(80, 5, 44);
        LabelledSamples samples = LabelledSamples.flat(
                GestureWindows.spectralFeatures(train.windows()), train.labels(), GestureWindows.GESTURES);
        TrainingResult trained = samples.applyTo(Trainer.builder())
                .setArchitecture(LearningBlock.classification(List.of()))
                .setHyperparameters(Hyperparameters.defaults().withEpochs(1))
                .build()
                .train();

        assertThatThrownBy(() -> StructuredPruning.builder()
                        .setModel(TrainedModel.of(trained))
                        .setSamples(samples)
                        .setHyperparameters(Hyperparameters.defaults())
                        .setFraction(0.5)
                        .build()
                        .prune())
                .isInstanceOf(CompressionViolation.class)
                .hasMessageContaining("no layer to shrink");
    }
}
