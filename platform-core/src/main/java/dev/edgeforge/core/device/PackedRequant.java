package dev.edgeforge.core.device;

import dev.edgeforge.core.quantization.FixedPointMath;
import java.util.Optional;

/**
 * The per-output-channel requantization constants of the packed kernels ({@code kernels/ef_requant.h}), with the
 * proof that they give TFLM's double-rounding result for every int8 input.
 *
 * <p>The kernels accumulate {@code acc2 = bias2 + Σ 2·x·w} over raw int8 inputs (padding taps read the input zero
 * point) with {@code bias2 = 2·(bias + inputOffset·Σw)}, so {@code acc2} is twice TFLM's accumulator, then compute
 * {@code ((acc2·multiplier + 2^31) >> 32 + rounding + (acc2 < 0 ? -1 : 0)) >> shift}, with
 * {@code rounding = 2^(shift-1) + outputOffset·2^shift}. That is exact when every partial sum of {@code acc2} stays
 * in int32 and the second line cannot overflow; both follow from bounds on the folded bias, the weights and TFLM's
 * accumulator
 * on {@code |acc|}, which {@link #of} checks for every channel. A channel whose output cannot change over the whole
 * range of its accumulator (multiplier 0, or a tiny scale with a large bias: TFLM's result is the same at both ends
 * and the rounding is monotonic) becomes a constant: multiplier 0, shift 1, rounding {@code 1 + 2·output}.
 * TFLM multipliers above 1 (a left shift) or exactly one step ({@code shift} 0) on a channel that does vary are not
 * supported: {@link #of} is empty and the layer keeps the unpacked kernel.
 *
 * @param bias2      twice the folded bias of each channel
 * @param multiplier Q0.31 multiplier of each channel, or 0
 * @param rounding   the rounding constant of each channel, output offset included
 * @param shift      right shift of each channel, 1..31
 */
public record PackedRequant(int[] bias2, int[] multiplier, int[] rounding, int[] shift) {

    private static final long TWO_POW_31 = 1L << 31;

    public PackedRequant {
        bias2 = bias2.clone();
        multiplier = multiplier.clone();
        rounding = rounding.clone();
        shift = shift.clone();
    }

    /** The weights of one layer as the requantization sees them. */
    public interface Weights {
        /** Output channels. */
        int channels();

        /** Weights per channel. */
        int taps();

        /** Weight {@code k} of channel {@code c}. */
        int weight(int c, int k);
    }

    /**
     * @param bias             int32 bias per channel, or null for none
     * @param outputMultiplier TFLM's Q0.31 multiplier per channel
     * @param outputShift      TFLM's shift per channel (positive: left)
     * @return empty when some channel's bound fails or its shift is not negative
     */
    public static Optional<PackedRequant> of(
            Weights weights, int[] bias, int[] outputMultiplier, int[] outputShift, int inputOffset, int outputOffset) {
        int channels = weights.channels();
        int[] bias2 = new int[channels];
        int[] multiplier = new int[channels];
        int[] rounding = new int[channels];
        int[] shift = new int[channels];
        for (int c = 0; c < channels; c++) {
            long sum = 0;
            long sumAbs = 0;
            long low = bias == null ? 0 : bias[c];
            long high = low;
            for (int k = 0; k < weights.taps(); k++) {
                int w = weights.weight(c, k);
                sum += w;
                sumAbs += Math.abs(w);
                // TFLM's accumulator: w * (x + inputOffset) for int8 x, at both ends of the input range.
                long a = (long) w * (-128 + inputOffset);
                long b = (long) w * (127 + inputOffset);
                low += Math.min(a, b);
                high += Math.max(a, b);
            }
            if (low < Integer.MIN_VALUE || high > Integer.MAX_VALUE || outputShift[c] > 0) {
                return Optional.empty(); // TFLM's accumulator could wrap, or a left shift
            }
            int e = -outputShift[c];
            int lowest = tflm((int) low, outputMultiplier[c], outputShift[c], outputOffset);
            if (outputMultiplier[c] == 0
                    || lowest == tflm((int) high, outputMultiplier[c], outputShift[c], outputOffset)) {
                // The output cannot change with the input: a constant channel, whatever its bias.
                bias2[c] = 0;
                multiplier[c] = 0;
                shift[c] = 1;
                rounding[c] = 1 + 2 * Math.max(Math.min(lowest, 1 << 20), -(1 << 20));
                continue;
            }
            long folded = (bias == null ? 0 : bias[c]) + (long) inputOffset * sum;
            // Every partial sum the kernels form (folded bias plus raw products, doubled) stays in int32.
            if (2 * (Math.abs(folded) + 128 * sumAbs) >= TWO_POW_31 || e == 0) {
                return Optional.empty();
            }
            long bound = Math.max(-low, high);
            long highBound = (bound * outputMultiplier[c] + (1L << 30)) / TWO_POW_31 + 1;
            long round = (1L << (e - 1)) + (long) outputOffset * (1L << e);
            if (2 * bound >= TWO_POW_31 || highBound + Math.abs(round) + 1 >= TWO_POW_31) {
                return Optional.empty();
            }
            bias2[c] = (int) (2 * folded);
            multiplier[c] = outputMultiplier[c];
            shift[c] = e;
            rounding[c] = (int) round;
        }
        return Optional.of(new PackedRequant(bias2, multiplier, rounding, shift));
    }

    /** TFLM's MultiplyByQuantizedMultiplier (double rounding) plus the output offset, before the clamp. */
    static int tflm(int acc, int multiplier, int shift, int outputOffset) {
        return FixedPointMath.multiplyByQuantizedMultiplier(acc, multiplier, shift) + outputOffset;
    }

    @Override
    public int[] bias2() {
        return bias2.clone();
    }

    @Override
    public int[] multiplier() {
        return multiplier.clone();
    }

    @Override
    public int[] rounding() {
        return rounding.clone();
    }

    @Override
    public int[] shift() {
        return shift.clone();
    }

    /** Output channels. */
    public int channels() {
        return bias2.length;
    }
}
