package dev.edgeforge.training.compression;

import static dev.edgeforge.core.learning.Activation.NONE;
import static dev.edgeforge.core.learning.Activation.RELU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.core.learning.BatchNormParameters;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.InferenceCheck;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.Padding;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.TrainedLayer;
import dev.edgeforge.core.learning.TrainedNetwork;
import dev.edgeforge.core.learning.WeightTensor;
import dev.edgeforge.training.trainer.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelPrunerTest {

    private static final Images IMAGES = Images.bars(10, 6, 21);

    /**
     * Filters 1 and 3 of the first convolution are made dead (zero after batch norm and ReLU, and the depthwise
     * outputs they feed are zero after its ReLU): removing them must not change a single output.
     */
    @Test
    void removingDeadChannelsKeepsEveryOutputThroughBatchNormDepthwisePoolAndFlatten() {
        TrainedNetwork trained = train(List.of(
                LayerSpec.conv2d(4, 3, 3, 1, Padding.SAME, NONE), // 0 [6, 6, 4]
                LayerSpec.batchNorm(), // 1
                LayerSpec.relu(), // 2
                LayerSpec.depthwiseConv2d(3, 3, 2, 1, Padding.SAME, RELU), // 3 [6, 6, 8]
                LayerSpec.maxPool2d(2, 2), // 4 [3, 3, 8]
                LayerSpec.dropout(0.1))); // 5, then flatten 6, dense 7, softmax 8
        TrainedNetwork dead = killChannels(trained, new int[] {1, 3});

        TrainedNetwork pruned = ChannelPruner.keepChannels(dead, 0, new int[] {0, 2});

        assertThat(pruned.layerSpecs().get(0)).isEqualTo(LayerSpec.conv2d(2, 3, 3, 1, Padding.SAME, NONE));
        assertThat(pruned.layers().get(3).weights().shape()).isEqualTo(TensorShape.of(1, 3, 3, 4));
        assertThat(pruned.layers().get(1).batchNorm().channels()).isEqualTo(2);
        assertThat(pruned.layers().get(7).weights().shape()).isEqualTo(TensorShape.of(3, 3 * 3 * 4));
        // Kept depthwise channel 0 feeds outputs 0 and 1, kept channel 2 outputs 4 and 5.
        assertThat(pruned.layers().get(3).bias().values())
                .containsExactly(
                        dead.layers().get(3).bias().get(0),
                                dead.layers().get(3).bias().get(1),
                        dead.layers().get(3).bias().get(4),
                                dead.layers().get(3).bias().get(5));
        float[][] samples = IMAGES.pixels();
        assertThat(new InferenceCheck(pruned)
                        .compare(samples, new InferenceCheck(dead).predict(samples))
                        .maxAbsoluteDifference())
                .isLessThan(1e-6);
        assertThat(ChannelPruner.prunableLayers(dead)).containsExactly(0);
    }

    @Test
    void denseUnitsGoAndResidualsOrTheHeadAreNeverPruned() {
        TrainedNetwork chain = train(
                TensorShape.of(6),
                flatImages(),
                List.of(
                        LayerSpec.dense(8, RELU),
                        LayerSpec.dropout(0.2),
                        LayerSpec.dense(6, NONE),
                        LayerSpec.batchNorm(),
                        LayerSpec.relu()));
        TrainedNetwork residual = train(
                TensorShape.of(6),
                flatImages(),
                List.of(
                        LayerSpec.dense(4, NONE),
                        LayerSpec.relu(),
                        LayerSpec.dense(4, NONE),
                        LayerSpec.add(1),
                        LayerSpec.dense(5, RELU)));

        assertThat(ChannelPruner.prunableLayers(chain)).containsExactly(0, 2);
        // Layer 0's output is read by the add (through layer 1), layer 2 feeds the add: neither can shrink.
        assertThat(ChannelPruner.prunableLayers(residual)).containsExactly(4);
        assertThatThrownBy(() -> ChannelPruner.keepChannels(residual, 2, new int[] {0}))
                .isInstanceOf(CompressionViolation.class)
                .hasMessageContaining("layer 2 (dense)");

        ChannelPruner.Shrunk shrunk = ChannelPruner.shrink(chain, 0.5);
        assertThat(shrunk.layers())
                .containsExactly(new LayerShrink(0, "dense", 8, 4), new LayerShrink(2, "dense", 6, 3));
        assertThat(shrunk.network().layers().get(2).weights().shape()).isEqualTo(TensorShape.of(3, 4));
        assertThat(shrunk.network().layers().get(5).weights().shape()).isEqualTo(TensorShape.of(3, 3));
    }

    @Test
    void importanceIsTheL1NormScaledByTheBatchNorm() {
        TrainedNetwork network =
                train(TensorShape.of(6), flatImages(), List.of(LayerSpec.dense(2, NONE), LayerSpec.batchNorm()));
        TrainedLayer dense = network.layers().get(0);
        float[] weights = dense.weights().values();
        double[] scale = network.layers().get(1).batchNorm().scale();

        double[] importance = ChannelPruner.importance(network, 0);

        for (int unit = 0; unit < 2; unit++) {
            double l1 = 0;
            for (int i = 0; i < 6; i++) {
                l1 += Math.abs(weights[unit * 6 + i]);
            }
            assertThat(importance[unit]).isCloseTo(l1 * Math.abs(scale[unit]), within(1e-9));
        }
        assertThat(ChannelPruner.strongest(new double[] {0.5, 3, 1, 3, 0.1}, 3)).containsExactly(1, 2, 3);
    }

    /** Zero weights and a bias of -100 for the given filters of layer 0, a plain batch norm for them (layer 1), and
     * a bias of -1 on the depthwise outputs they feed (layer 3, multiplier 2, ReLU). */
    private static TrainedNetwork killChannels(TrainedNetwork network, int[] filters) {
        List<TrainedLayer> layers = new ArrayList<>(network.layers());
        TrainedLayer conv = layers.get(0);
        float[] w = conv.weights().values().clone();
        float[] b = conv.bias().values().clone();
        int perFilter = w.length / b.length;
        BatchNormParameters bn = layers.get(1).batchNorm();
        float[] gamma = bn.gamma().clone();
        float[] beta = bn.beta().clone();
        float[] mean = bn.mean().clone();
        float[] variance = bn.variance().clone();
        TrainedLayer depthwise = layers.get(3);
        float[] dwBias = depthwise.bias().values().clone();
        for (int f : filters) {
            Arrays.fill(w, f * perFilter, (f + 1) * perFilter, 0f);
            b[f] = -100;
            gamma[f] = 1;
            beta[f] = 0;
            mean[f] = 0;
            variance[f] = 1;
            dwBias[2 * f] = -1;
            dwBias[2 * f + 1] = -1;
        }
        layers.set(
                0,
                TrainedLayer.weighted(
                        conv.spec(),
                        conv.outputShape(),
                        new WeightTensor(conv.weights().shape(), w),
                        new WeightTensor(conv.bias().shape(), b)));
        layers.set(
                1,
                TrainedLayer.withBatchNorm(
                        layers.get(1).spec(),
                        layers.get(1).outputShape(),
                        new BatchNormParameters(gamma, beta, mean, variance, bn.epsilon())));
        layers.set(
                3,
                TrainedLayer.weighted(
                        depthwise.spec(),
                        depthwise.outputShape(),
                        depthwise.weights(),
                        new WeightTensor(depthwise.bias().shape(), dwBias)));
        return new TrainedNetwork(network.kind(), network.inputShape(), network.outputNames(), layers);
    }

    private static TrainedNetwork train(List<LayerSpec> layers) {
        return Trainer.builder()
                .setArchitecture(LearningBlock.classification(layers))
                .setHyperparameters(Hyperparameters.defaults().withEpochs(2).withLearningRate(0.01))
                .setFeatures(IMAGES.pixels(), TensorShape.of(6, 6, 1), FeatureKind.IMAGE)
                .setClassLabels(IMAGES.labels(), Images.CLASSES)
                .build()
                .train()
                .network();
    }

    private static TrainedNetwork train(TensorShape shape, float[][] rows, List<LayerSpec> layers) {
        return Trainer.builder()
                .setArchitecture(LearningBlock.classification(layers))
                .setHyperparameters(Hyperparameters.defaults().withEpochs(2).withLearningRate(0.01))
                .setFeatures(rows, shape, FeatureKind.FLAT)
                .setClassLabels(IMAGES.labels(), Images.CLASSES)
                .build()
                .train()
                .network();
    }

    /** The first 6 pixels of every image, as flat features. */
    private static float[][] flatImages() {
        float[][] rows = new float[IMAGES.pixels().length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Arrays.copyOf(IMAGES.pixels()[i], 6);
        }
        return rows;
    }
}
