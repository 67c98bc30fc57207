package dev.edgeforge.training.compression;

import dev.edgeforge.core.learning.BatchNormParameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.ShapeInference;
import dev.edgeforge.core.learning.ShapeReport;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.TrainedLayer;
import dev.edgeforge.core.learning.TrainedNetwork;
import dev.edgeforge.core.learning.WeightTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Removes output channels (dense units, convolution filters) from a trained network and every parameter that reads
 * them, so that the network really gets smaller.
 *
 * <p>A layer can lose channels when its output reaches exactly one weighted consumer (dense, conv1d or conv2d)
 * through layers that treat channels one by one — batch norm, ReLU/ReLU6, dropout, pooling, depthwise convolution
 * (channel {@code c} feeds its outputs {@code c·m … c·m+m−1}) and a flatten before a dense consumer (position
 * {@code p}, channel {@code c} is input {@code p·C + c}) — and no residual add reads any value on the way. The output
 * head is never pruned. Removing channel {@code c} removes its weights and bias, its batch norm parameters, the
 * depthwise filters and biases it feeds, and the consumer's weights that read it.
 */
final class ChannelPruner {

    private ChannelPruner() {}

    /** The result of {@link #shrink}. */
    record Shrunk(TrainedNetwork network, List<LayerShrink> layers) {}

    /**
     * Removes a {@code fraction} of the output channels of every prunable layer, keeping the channels with the
     * largest {@link #importance}; at least one channel stays.
     */
    static Shrunk shrink(TrainedNetwork network, double fraction) {
        List<LayerShrink> changes = new ArrayList<>();
        TrainedNetwork current = network;
        for (int source : prunableLayers(network)) {
            int channels = current.layers().get(source).bias().values().length;
            int keepCount = Math.max(1, (int) Math.round(channels * (1 - fraction)));
            if (keepCount == channels) {
                continue;
            }
            int[] keep = strongest(importance(current, source), keepCount);
            current = keepChannels(current, source, keep);
            changes.add(
                    new LayerShrink(source, network.layers().get(source).spec().typeName(), channels, keepCount));
        }
        return new Shrunk(current, changes);
    }

    /** Indices of the layers whose output channels can be removed, in order. */
    static List<Integer> prunableLayers(TrainedNetwork network) {
        List<LayerSpec> specs = network.layerSpecs();
        List<Integer> prunable = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            if (isChannelSource(specs.get(i)) && consumerOf(specs, i) >= 0) {
                prunable.add(i);
            }
        }
        return prunable;
    }

    /**
     * How much each output channel of layer {@code source} matters: the L1 norm of its weights, times the absolute
     * batch norm scale {@code |gamma / sqrt(variance + epsilon)|} when a batch norm follows (which rescales the
     * channel before anything reads it).
     */
    static double[] importance(TrainedNetwork network, int source) {
        TrainedLayer layer = network.layers().get(source);
        float[] weights = layer.weights().values();
        int channels = layer.bias().values().length;
        int perChannel = weights.length / channels;
        double[] importance = new double[channels];
        for (int i = 0; i < weights.length; i++) {
            importance[i / perChannel] += Math.abs(weights[i]);
        }
        if (source + 1 < network.layers().size()
                && network.layers().get(source + 1).batchNorm() != null) {
            double[] scale = network.layers().get(source + 1).batchNorm().scale();
            for (int c = 0; c < channels; c++) {
                importance[c] *= Math.abs(scale[c]);
            }
        }
        return importance;
    }

    /**
     * The network with only the output channels {@code keep} (ascending) of layer {@code source}.
     *
     * @throws CompressionViolation when the layer's channels cannot be removed
     */
    static TrainedNetwork keepChannels(TrainedNetwork network, int source, int[] keep) {
        List<LayerSpec> specs = network.layerSpecs();
        int consumer = isChannelSource(specs.get(source)) ? consumerOf(specs, source) : -1;
        if (consumer < 0) {
            throw new CompressionViolation(
                    "layer " + source + " (" + specs.get(source).typeName() + ") cannot lose "
                            + "output channels: its output does not reach exactly one dense or convolution layer "
                            + "through channel-wise layers only");
        }
        ShapeReport before = ShapeInference.infer(network.inputShape(), specs).orThrow();
        List<LayerSpec> newSpecs = new ArrayList<>(specs);
        Parameters[] parameters = new Parameters[specs.size()];
        TrainedLayer sourceLayer = network.layers().get(source);
        newSpecs.set(source, withChannels(specs.get(source), keep.length));
        parameters[source] =
                new Parameters(slice(sourceLayer.weights(), 0, keep), slice(sourceLayer.bias(), 0, keep), null);
        int[] kept = keep;
        int channels = sourceLayer.bias().values().length;
        for (int j = source + 1; j < consumer; j++) {
            TrainedLayer layer = network.layers().get(j);
            LayerSpec spec = specs.get(j);
            if (layer.batchNorm() != null) {
                parameters[j] = new Parameters(null, null, slice(layer.batchNorm(), kept));
            } else if (spec instanceof LayerSpec.DepthwiseConv2d depthwise) {
                int m = depthwise.depthMultiplier();
                int[] next = new int[kept.length * m];
                for (int k = 0; k < kept.length; k++) {
                    for (int r = 0; r < m; r++) {
                        next[k * m + r] = kept[k] * m + r;
                    }
                }
                kept = next;
                channels *= m;
                parameters[j] = new Parameters(slice(layer.weights(), 3, kept), slice(layer.bias(), 0, kept), null);
            } else if (spec instanceof LayerSpec.Flatten) {
                int positions = before.inputShapeOf(j).elementCount() / channels;
                int[] flat = new int[positions * kept.length];
                for (int p = 0; p < positions; p++) {
                    for (int k = 0; k < kept.length; k++) {
                        flat[p * kept.length + k] = p * channels + kept[k];
                    }
                }
                kept = flat;
                channels *= positions;
            }
        }
        TrainedLayer consumerLayer = network.layers().get(consumer);
        int inputAxis = specs.get(consumer) instanceof LayerSpec.Dense ? 1 : 3;
        parameters[consumer] =
                new Parameters(slice(consumerLayer.weights(), inputAxis, kept), consumerLayer.bias(), null);

        ShapeReport after = ShapeInference.infer(network.inputShape(), newSpecs).orThrow();
        List<TrainedLayer> layers = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            TrainedLayer old = network.layers().get(i);
            TensorShape shape = after.outputShapes().get(i);
            Parameters p = parameters[i];
            if (p == null) {
                layers.add(new TrainedLayer(newSpecs.get(i), shape, old.weights(), old.bias(), old.batchNorm()));
            } else if (p.batchNorm() != null) {
                layers.add(TrainedLayer.withBatchNorm(newSpecs.get(i), shape, p.batchNorm()));
            } else {
                layers.add(TrainedLayer.weighted(newSpecs.get(i), shape, p.weights(), p.bias()));
            }
        }
        return new TrainedNetwork(network.kind(), network.inputShape(), network.outputNames(), layers);
    }

    private record Parameters(WeightTensor weights, WeightTensor bias, BatchNormParameters batchNorm) {}

    private static boolean isChannelSource(LayerSpec spec) {
        return spec instanceof LayerSpec.Dense || spec instanceof LayerSpec.Conv1d || spec instanceof LayerSpec.Conv2d;
    }

    /** The weighted layer that reads layer {@code source}'s channels, or -1 when its channels cannot be removed. */
    private static int consumerOf(List<LayerSpec> specs, int source) {
        int consumer = -1;
        for (int j = source + 1; j < specs.size() && consumer < 0; j++) {
            LayerSpec spec = specs.get(j);
            if (isChannelSource(spec)) {
                consumer = j;
            } else if (!isChannelWise(spec)) {
                return -1;
            }
        }
        if (consumer < 0) {
            return -1;
        }
        for (LayerSpec spec : specs) {
            if (spec instanceof LayerSpec.Add add && add.from() >= source && add.from() < consumer) {
                return -1;
            }
        }
        return consumer;
    }

    private static boolean isChannelWise(LayerSpec spec) {
        return spec instanceof LayerSpec.BatchNorm
                || spec instanceof LayerSpec.Relu
                || spec instanceof LayerSpec.Relu6
                || spec instanceof LayerSpec.Dropout
                || spec instanceof LayerSpec.AveragePool1d
                || spec instanceof LayerSpec.MaxPool1d
                || spec instanceof LayerSpec.AveragePool2d
                || spec instanceof LayerSpec.MaxPool2d
                || spec instanceof LayerSpec.DepthwiseConv2d
                || spec instanceof LayerSpec.Flatten;
    }

    private static LayerSpec withChannels(LayerSpec spec, int channels) {
        if (spec instanceof LayerSpec.Dense d) {
            return new LayerSpec.Dense(channels, d.activation());
        }
        if (spec instanceof LayerSpec.Conv1d c) {
            return new LayerSpec.Conv1d(channels, c.kernelSize(), c.stride(), c.padding(), c.activation());
        }
        LayerSpec.Conv2d c = (LayerSpec.Conv2d) spec;
        return new LayerSpec.Conv2d(
                channels, c.kernelHeight(), c.kernelWidth(), c.stride(), c.padding(), c.activation());
    }

    /** The {@code keep} indices (ascending) of the {@code count} largest values; ties go to the lower index. */
    static int[] strongest(double[] importance, int count) {
        Integer[] order = new Integer[importance.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(importance[b], importance[a]));
        int[] keep = new int[count];
        for (int i = 0; i < count; i++) {
            keep[i] = order[i];
        }
        Arrays.sort(keep);
        return keep;
    }

    /** The tensor restricted to indices {@code keep} along {@code axis}. */
    static WeightTensor slice(WeightTensor tensor, int axis, int[] keep) {
        int[] shape = tensor.shape().toArray();
        int outer = 1;
        for (int a = 0; a < axis; a++) {
            outer *= shape[a];
        }
        int inner = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            inner *= shape[a];
        }
        float[] source = tensor.values();
        float[] target = new float[outer * keep.length * inner];
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < keep.length; k++) {
                System.arraycopy(
                        source, (o * shape[axis] + keep[k]) * inner, target, (o * keep.length + k) * inner, inner);
            }
        }
        shape[axis] = keep.length;
        return new WeightTensor(TensorShape.of(shape), target);
    }

    private static BatchNormParameters slice(BatchNormParameters parameters, int[] keep) {
        return new BatchNormParameters(
                pick(parameters.gamma(), keep),
                pick(parameters.beta(), keep),
                pick(parameters.mean(), keep),
                pick(parameters.variance(), keep),
                parameters.epsilon());
    }

    private static float[] pick(float[] values, int[] keep) {
        float[] picked = new float[keep.length];
        for (int k = 0; k < keep.length; k++) {
            picked[k] = values[keep[k]];
        }
        return picked;
    }
}
