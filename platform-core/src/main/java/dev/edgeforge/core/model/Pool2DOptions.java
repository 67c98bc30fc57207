package dev.edgeforge.core.model;

/** Options of AVERAGE_POOL_2D and MAX_POOL_2D. */
public record Pool2DOptions(
        Padding padding, int strideHeight, int strideWidth, int filterHeight, int filterWidth, Activation activation)
        implements OperatorOptions {

    public Pool2DOptions {
        OptionChecks.notNull(padding, "padding");
        OptionChecks.notNull(activation, "activation");
        OptionChecks.positive(strideHeight, "strideHeight");
        OptionChecks.positive(strideWidth, "strideWidth");
        OptionChecks.positive(filterHeight, "filterHeight");
        OptionChecks.positive(filterWidth, "filterWidth");
    }
}
