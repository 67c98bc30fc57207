package dev.edgeforge.core.interpreter;

/**
 * Prepared CONV_2D (TFLM {@code ConvParams} plus per-channel multipliers and the shapes). Input NHWC
 * {@code [batches, inputHeight, inputWidth, inputDepth]}, filter {@code [outputDepth, filterHeight, filterWidth,
 * inputDepth]}, output {@code [batches, outputHeight, outputWidth, outputDepth]}.
 *
 * <p>int8: {@code acc = Σ filter × (input + inputOffset) + bias[c]}, then
 * {@code MultiplyByQuantizedMultiplier(acc, outputMultiplier[c], outputShift[c]) + outputOffset}, clamped to
 * [activationMin, activationMax]. float32: the same without offsets, clamped to [floatMin, floatMax]; the int8 fields
 * are then zero and the arrays empty.
 */
public record ConvParams(
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

    public ConvParams {
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
