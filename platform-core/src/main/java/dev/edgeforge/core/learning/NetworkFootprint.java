package dev.edgeforge.core.learning;

import java.util.List;

/**
 * What an int8 network of these layers needs on a device before it is trained: an estimate of its activation arena
 * and the bytes of its weights.
 *
 * <p>Activations: the largest {@code input + output} of one computing layer, one byte per value (the int8 tensors a
 * sequential network holds while that layer runs). Dropout and batch norm cost nothing (dropped and folded when the
 * network is exported); flatten and reshape count as a copy. The memory plan of the trained model (scratch, in-place
 * kernels) is the truth once a model exists: it may end slightly above (kernel scratch) or below (in-place kernels)
 * this figure. Weights: one byte per weight and four per bias (int32), as the int8 export stores them; batch norm is
 * folded into the convolution before it.
 *
 * @param activationBytes the estimated activation arena
 * @param weightBytes     int8 weights plus int32 biases
 */
public record NetworkFootprint(long activationBytes, long weightBytes) {

    /**
     * The footprint of the whole network (hidden layers and output head).
     *
     * @throws IllegalArgumentException when the layers do not fit the input shape
     */
    public static NetworkFootprint of(TensorShape input, List<LayerSpec> networkLayers) {
        ShapeReport report = ShapeInference.infer(input, networkLayers);
        if (!report.isValid()) {
            throw new IllegalArgumentException("the layers do not fit the input " + input + ": " + report.problems());
        }
        long activations = input.elementCount();
        long weights = 0;
        for (int i = 0; i < networkLayers.size(); i++) {
            LayerSpec layer = networkLayers.get(i);
            TensorShape in = report.inputShapeOf(i);
            TensorShape out = report.outputShapes().get(i);
            if (layer instanceof LayerSpec.Dropout || layer instanceof LayerSpec.BatchNorm) {
                continue;
            }
            if (!(layer instanceof LayerSpec.Relu || layer instanceof LayerSpec.Relu6)) {
                // a standalone ReLU is fused into the layer before it (or runs in place)
                activations = Math.max(activations, (long) in.elementCount() + out.elementCount());
            }
            weights += weightBytes(layer, in);
        }
        return new NetworkFootprint(activations, weights);
    }

    /** The footprint of a neural learning block's network for these features and outputs. */
    public static NetworkFootprint of(LearningBlock block, TensorShape input, int outputCount) {
        return of(input, block.networkLayers(input, outputCount));
    }

    private static long weightBytes(LayerSpec layer, TensorShape in) {
        int channels = in.channels();
        if (layer instanceof LayerSpec.Dense dense) {
            return (long) in.elementCount() * dense.units() + 4L * dense.units();
        } else if (layer instanceof LayerSpec.Conv1d conv) {
            return (long) conv.filters() * conv.kernelSize() * channels + 4L * conv.filters();
        } else if (layer instanceof LayerSpec.Conv2d conv) {
            return (long) conv.filters() * conv.kernelHeight() * conv.kernelWidth() * channels + 4L * conv.filters();
        } else if (layer instanceof LayerSpec.DepthwiseConv2d depthwise) {
            long outChannels = (long) channels * depthwise.depthMultiplier();
            return outChannels * depthwise.kernelHeight() * depthwise.kernelWidth() + 4L * outChannels;
        }
        return 0;
    }
}
