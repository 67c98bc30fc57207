package dev.edgeforge.core.model;

/**
 * What CONV_2D and DEPTHWISE_CONV_2D options share: how the filter slides over the input (padding, strides,
 * dilations) and the fused activation. Shape checks and the interpreter's padding read them through this view.
 */
public sealed interface ConvolutionOptions permits Conv2DOptions, DepthwiseConv2DOptions {

    Padding padding();

    int strideHeight();

    int strideWidth();

    int dilationHeight();

    int dilationWidth();

    Activation activation();

    /** Zeros before the input along its height for a filter of {@code filterHeight} rows (TFLite's rule). */
    default int padHeight(int inputHeight, int filterHeight, int outputHeight) {
        return padding().paddingBefore(inputHeight, filterHeight, strideHeight(), dilationHeight(), outputHeight);
    }

    /** Zeros before the input along its width for a filter of {@code filterWidth} columns. */
    default int padWidth(int inputWidth, int filterWidth, int outputWidth) {
        return padding().paddingBefore(inputWidth, filterWidth, strideWidth(), dilationWidth(), outputWidth);
    }
}
