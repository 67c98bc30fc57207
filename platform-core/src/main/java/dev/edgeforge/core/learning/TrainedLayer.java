package dev.edgeforge.core.learning;

import java.util.Objects;

/**
 * One layer of a {@link TrainedNetwork}: its spec, its output shape and its trained parameters.
 *
 * @param spec        the layer
 * @param outputShape the shape it produces (channels last, without batch)
 * @param weights     the weight tensor of dense and convolution layers (layout in {@link TrainedNetwork}); else null
 * @param bias        the bias of dense and convolution layers, shape {@code [outputChannels]}; else null
 * @param batchNorm   the parameters of a batch norm layer; else null
 */
public record TrainedLayer(
        LayerSpec spec,
        TensorShape outputShape,
        WeightTensor weights,
        WeightTensor bias,
        BatchNormParameters batchNorm) {

    public TrainedLayer {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(outputShape, "outputShape");
    }

    /** A layer without parameters (pooling, reshape, activations, add, …). */
    public static TrainedLayer of(LayerSpec spec, TensorShape outputShape) {
        return new TrainedLayer(spec, outputShape, null, null, null);
    }

    /** A dense or convolution layer. */
    public static TrainedLayer weighted(
            LayerSpec spec, TensorShape outputShape, WeightTensor weights, WeightTensor bias) {
        return new TrainedLayer(spec, outputShape, weights, bias, null);
    }

    /** A batch norm layer. */
    public static TrainedLayer withBatchNorm(LayerSpec spec, TensorShape outputShape, BatchNormParameters parameters) {
        return new TrainedLayer(spec, outputShape, null, null, parameters);
    }
}
