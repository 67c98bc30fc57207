package dev.edgeforge.core.model;

/** Options of DEPTHWISE_CONV_2D: output channel {@code c × depthMultiplier + m} reads input channel {@code c}. */
public record DepthwiseConv2DOptions(
        Padding padding,
        int strideHeight,
        int strideWidth,
        int depthMultiplier,
        int dilationHeight,
        int dilationWidth,
        Activation activation)
        implements OperatorOptions, ConvolutionOptions {

    public DepthwiseConv2DOptions {
        OptionChecks.notNull(padding, "padding");
        OptionChecks.notNull(activation, "activation");
        OptionChecks.positive(strideHeight, "strideHeight");
        OptionChecks.positive(strideWidth, "strideWidth");
        OptionChecks.positive(depthMultiplier, "depthMultiplier");
        OptionChecks.positive(dilationHeight, "dilationHeight");
        OptionChecks.positive(dilationWidth, "dilationWidth");
    }

    /** Options with the given padding, strides, multiplier and activation and no dilation. */
    public static DepthwiseConv2DOptions of(
            Padding padding, int strideHeight, int strideWidth, int depthMultiplier, Activation activation) {
        return new DepthwiseConv2DOptions(padding, strideHeight, strideWidth, depthMultiplier, 1, 1, activation);
    }
}
