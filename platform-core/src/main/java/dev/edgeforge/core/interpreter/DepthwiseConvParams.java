package dev.edgeforge.core.interpreter;

/**
 * Prepared DEPTHWISE_CONV_2D. Input NHWC {@code [batches, inputHeight, inputWidth, inputDepth]}, filter
 * {@code [1, filterHeight, filterWidth, outputDepth]} with {@code outputDepth = inputDepth × depthMultiplier}; output
 * channel {@code ic × depthMultiplier + m} reads input channel {@code ic}. Math as {@link ConvParams}.
 */
public record DepthwiseConvParams(
        boolean quantized,
        int inputOffset,
        int outputOffset,
        int[] outputMultiplier,
        int[] outputShift,
        int activationMin,
        int activationMax,
        float floatMin,
        float floatMax,
        int strideHeight,
        int strideWidth,
        int dilationHeight,
        int dilationWidth,
        int padHeight,
        int padWidth,
        int depthMultiplier,
        int batches,
        int inputHeight,
        int inputWidth,
        int inputDepth,
        int filterHeight,
        int filterWidth,
        int outputHeight,
        int outputWidth,
        int outputDepth)
        implements OpParams {

    public DepthwiseConvParams {
        outputMultiplier = outputMultiplier.clone();
        outputShift = outputShift.clone();
    }

    @Override
    public int[] outputMultiplier() {
        return outputMultiplier.clone();
    }

    @Override
    public int[] outputShift() {
        return outputShift.clone();
    }

    int[] multipliers() {
        return outputMultiplier;
    }

    int[] shifts() {
        return outputShift;
    }
}
