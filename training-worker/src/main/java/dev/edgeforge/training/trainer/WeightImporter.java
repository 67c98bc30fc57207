package dev.edgeforge.training.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.TrainedLayer;
import dev.edgeforge.core.learning.TrainedNetwork;

/**
 * Loads a {@link TrainedNetwork}'s parameters into a DJL network built from the same layers: the inverse of
 * {@link WeightExporter}, rearranging TFLite's layouts into PyTorch's. Used to fine-tune a trained, pruned or
 * shrunk network.
 */
final class WeightImporter {

    private WeightImporter() {}

    /**
     * @param target  the DJL network, initialized; its layers are the first layers of {@code network} (a classifier's
     *                final softmax is not trained)
     * @param network the parameters to load
     */
    static void load(LayerNetworkBlock target, TrainedNetwork network) {
        for (int i = 0; i < target.layers().size(); i++) {
            TrainedLayer layer = network.layers().get(i);
            Block owner = target.weightsOwner(i);
            if (layer.weights() != null) {
                set(owner, "weight", pyTorchLayout(layer));
                set(owner, "bias", layer.bias().values());
            } else if (layer.batchNorm() != null) {
                set(owner, "gamma", layer.batchNorm().gamma());
                set(owner, "beta", layer.batchNorm().beta());
                set(owner, "runningMean", layer.batchNorm().mean());
                set(owner, "runningVar", layer.batchNorm().variance());
            }
        }
    }

    private static void set(Block owner, String name, float[] values) {
        NDArray array = owner.getParameters().get(name).getArray();
        if (array.size() != values.length) {
            throw new IllegalArgumentException("parameter '" + name + "' holds " + array.size() + " values, the "
                    + "network to load has " + values.length);
        }
        array.set(values);
    }

    /** The layer's weights in PyTorch's order. */
    private static float[] pyTorchLayout(TrainedLayer layer) {
        float[] source = layer.weights().values();
        int[] shape = layer.weights().shape().toArray();
        LayerSpec spec = layer.spec();
        if (spec instanceof LayerSpec.Dense) {
            return source; // (units, inputs) in both
        }
        float[] target = new float[source.length];
        if (spec instanceof LayerSpec.DepthwiseConv2d) {
            // [1, kh, kw, out] -> (out, 1, kh, kw)
            int kh = shape[1];
            int kw = shape[2];
            int out = shape[3];
            for (int o = 0; o < out; o++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        target[(o * kh + y) * kw + x] = source[(y * kw + x) * out + o];
                    }
                }
            }
            return target;
        }
        // conv2d [filters, kh, kw, in] -> (filters, in, kh, kw); conv1d [filters, 1, k, in] -> (filters, in, k),
        // which is the same loop with kh = 1.
        int filters = shape[0];
        int kh = shape[1];
        int kw = shape[2];
        int in = shape[3];
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < in; c++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        target[((f * in + c) * kh + y) * kw + x] = source[((f * kh + y) * kw + x) * in + c];
                    }
                }
            }
        }
        return target;
    }
}
