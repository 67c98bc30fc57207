package dev.edgeforge.core.interpreter;

import dev.edgeforge.core.quantization.FixedPointMath;

/** SOFTMAX: TFLM {@code reference_ops::Softmax} for int8 → int8 (gemmlowp fixed point) and for float. */
final class SoftmaxKernel {

    private static final int SCALED_DIFF_INTEGER_BITS = 5;
    private static final int ACCUMULATION_INTEGER_BITS = 12;

    private SoftmaxKernel() {}

    static void int8(SoftmaxParams p, byte[] in, int inBase, byte[] out, int outBase) {
        final int depth = p.depth();
        int[] numBitsOverUnit = new int[1];
        for (int row = 0; row < p.outerSize(); row++) {
            int base = row * depth;
            int maxInRow = -128;
            for (int c = 0; c < depth; c++) {
                maxInRow = Math.max(maxInRow, in[inBase + base + c]);
            }
            int sumOfExps = 0;
            for (int c = 0; c < depth; c++) {
                int diff = in[inBase + base + c] - maxInRow;
                if (diff >= p.diffMin()) {
                    int exp = exp(p, diff);
                    sumOfExps += FixedPointMath.rescale(exp, 0, ACCUMULATION_INTEGER_BITS);
                }
            }
            int shiftedScale = FixedPointMath.reciprocal(sumOfExps, ACCUMULATION_INTEGER_BITS, numBitsOverUnit);
            for (int c = 0; c < depth; c++) {
                int diff = in[inBase + base + c] - maxInRow;
                int value = -128;
                if (diff >= p.diffMin()) {
                    int exp = exp(p, diff);
                    int unsaturated = FixedPointMath.roundingDivideByPOT(
                            FixedPointMath.saturatingRoundingDoublingHighMul(shiftedScale, exp),
                            numBitsOverUnit[0] + 31 - 8);
                    value = Math.max(-128, Math.min(127, unsaturated - 128));
                }
                out[outBase + base + c] = (byte) value;
            }
        }
    }

    private static int exp(SoftmaxParams p, int diff) {
        int rescaled = FixedPointMath.multiplyByQuantizedMultiplierGreaterThanOne(
                diff, p.inputMultiplier(), p.inputLeftShift());
        return FixedPointMath.expOnNegativeValues(rescaled, SCALED_DIFF_INTEGER_BITS);
    }

    static void float32(SoftmaxParams p, float[] in, float[] out) {
        final int depth = p.depth();
        for (int row = 0; row < p.outerSize(); row++) {
            int base = row * depth;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < depth; c++) {
                max = Math.max(max, in[base + c]);
            }
            float sum = 0f;
            for (int c = 0; c < depth; c++) {
                float exp = (float) Math.exp((in[base + c] - max) * p.beta());
                out[base + c] = exp;
                sum += exp;
            }
            for (int c = 0; c < depth; c++) {
                out[base + c] = out[base + c] / sum;
            }
        }
    }
}
