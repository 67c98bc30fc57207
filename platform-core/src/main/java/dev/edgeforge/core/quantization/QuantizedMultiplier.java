package dev.edgeforge.core.quantization;

/**
 * A real multiplier as TFLite stores it: {@code real ≈ multiplier × 2^(shift − 31)}, with {@code multiplier} a Q31
 * value in [2^30, 2^31) (or 0) and {@code shift} positive for left shifts, negative for right shifts.
 */
public record QuantizedMultiplier(int multiplier, int shift) {

    /** The real value this multiplier stands for. */
    public double toDouble() {
        return multiplier * Math.pow(2, shift - 31);
    }
}
