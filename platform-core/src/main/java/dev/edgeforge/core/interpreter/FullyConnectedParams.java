package dev.edgeforge.core.interpreter;

/**
 * Prepared FULLY_CONNECTED: {@code batches} rows of {@code accumDepth} inputs, weights {@code [outputDepth,
 * accumDepth]}.
 *
 * <p>int8: {@code acc = Σ (weight + weightsOffset) × (input + inputOffset) + bias[c]}, then
 * {@code MultiplyByQuantizedMultiplier(acc, outputMultiplier[k], outputShift[k]) + outputOffset} with {@code k = c}
 * when {@code perChannel}, else 0; clamped. float32: plain dot products, clamped to [floatMin, floatMax].
 */
public record FullyConnectedParams(
        boolean quantized,
        int inputOffset,
        int weightsOffset,
        int outputOffset,
        boolean perChannel,
        int[] outputMultiplier,
        int[] outputShift,
        int activationMin,
        int activationMax,
        float floatMin,
        float floatMax,
        int batches,
        int accumDepth,
        int outputDepth)
        implements OpParams {

    public FullyConnectedParams {
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
