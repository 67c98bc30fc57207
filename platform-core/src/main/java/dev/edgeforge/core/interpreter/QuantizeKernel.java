package dev.edgeforge.core.interpreter;

import dev.edgeforge.core.quantization.FixedPointMath;

/** QUANTIZE and DEQUANTIZE: TFLite {@code AffineQuantize}, {@code Requantize} and {@code Dequantize}. */
final class QuantizeKernel {

    private QuantizeKernel() {}

    static void fromFloat(QuantizeParams p, float[] in, byte[] out, int outBase) {
        for (int i = 0; i < p.elementCount(); i++) {
            // in long: a huge input rounds to Integer.MAX_VALUE, and adding a positive zero point must not wrap
            long q = (long) FixedPointMath.roundToInt(in[i] / p.outputScale()) + p.outputZeroPoint();
            out[outBase + i] = (byte) Math.max(-128, Math.min(127, q));
        }
    }

    static void requantize(QuantizeParams p, byte[] in, int inBase, byte[] out, int outBase) {
        for (int i = 0; i < p.elementCount(); i++) {
            int q = FixedPointMath.multiplyByQuantizedMultiplier(
                            in[inBase + i] - p.inputZeroPoint(), p.multiplier(), p.shift())
                    + p.outputZeroPoint();
            out[outBase + i] = (byte) Math.max(-128, Math.min(127, q));
        }
    }

    static void dequantize(DequantizeParams p, byte[] in, int inBase, float[] out) {
        double scale = p.scale();
        for (int i = 0; i < p.elementCount(); i++) {
            out[i] = (float) (scale * (in[inBase + i] - p.zeroPoint()));
        }
    }
}
