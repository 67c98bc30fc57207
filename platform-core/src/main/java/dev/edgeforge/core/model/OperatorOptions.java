package dev.edgeforge.core.model;

/**
 * Typed options of an operator. Each {@link OpType} has exactly one options type:
 * CONV_2D {@link Conv2DOptions}, DEPTHWISE_CONV_2D {@link DepthwiseConv2DOptions}, AVERAGE_POOL_2D and MAX_POOL_2D
 * {@link Pool2DOptions}, FULLY_CONNECTED {@link FullyConnectedOptions}, SOFTMAX {@link SoftmaxOptions}, ADD
 * {@link AddOptions}, RESHAPE {@link ReshapeOptions}, QUANTIZE and DEQUANTIZE {@link NoOptions}.
 */
public sealed interface OperatorOptions
        permits Conv2DOptions,
                DepthwiseConv2DOptions,
                Pool2DOptions,
                FullyConnectedOptions,
                SoftmaxOptions,
                AddOptions,
                ReshapeOptions,
                NoOptions {

    /** The options type that {@code type} requires. */
    static Class<? extends OperatorOptions> typeFor(OpType type) {
        return switch (type) {
            case CONV_2D -> Conv2DOptions.class;
            case DEPTHWISE_CONV_2D -> DepthwiseConv2DOptions.class;
            case AVERAGE_POOL_2D, MAX_POOL_2D -> Pool2DOptions.class;
            case FULLY_CONNECTED -> FullyConnectedOptions.class;
            case SOFTMAX -> SoftmaxOptions.class;
            case ADD -> AddOptions.class;
            case RESHAPE -> ReshapeOptions.class;
            case QUANTIZE, DEQUANTIZE -> NoOptions.class;
        };
    }
}
