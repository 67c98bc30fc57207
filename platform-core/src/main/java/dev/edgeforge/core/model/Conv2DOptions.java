package dev.edgeforge.core.model;

/** Options of CONV_2D. Strides and dilations are at least 1. */
public record Conv2DOptions(
        Padding padding,
        int strideHeight,
        int strideWidth,
        int dilationHeight,
        int dilationWidth,
        Activation activation)
        implements OperatorOptions, ConvolutionOptions {

    public Conv2DOptions {
        OptionChecks.notNull(padding, "padding");
        OptionChecks.notNull(activation, "activation");
        OptionChecks.positive(strideHeight, "strideHeight");
        OptionChecks.positive(strideWidth, "strideWidth");
        OptionChecks.positive(dilationHeight, "dilationHeight");
        OptionChecks.positive(dilationWidth, "dilationWidth");
    }

    /** Options with the given padding, strides and activation and no dilation. */
    public static Conv2DOptions of(Padding padding, int strideHeight, int strideWidth, Activation activation) {
        return new Conv2DOptions(padding, strideHeight, strideWidth, 1, 1, activation);
    }
}
