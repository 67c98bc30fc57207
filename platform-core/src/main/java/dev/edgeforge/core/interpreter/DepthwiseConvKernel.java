package dev.edgeforge.core.interpreter;

import dev.edgeforge.core.quantization.FixedPointMath;

/**
 * DEPTHWISE_CONV_2D: TFLM {@code reference_integer_ops::DepthwiseConvPerChannel} and
 * {@code reference_ops::DepthwiseConv} (float).
 */
final class DepthwiseConvKernel {

    private DepthwiseConvKernel() {}

    static void int8(DepthwiseConvParams p, byte[] in, int inBase, byte[] filter, int[] bias, byte[] out, int outBase) {
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int inD = p.inputDepth();
        final int fH = p.filterHeight();
        final int fW = p.filterWidth();
        final int outD = p.outputDepth();
        final int multiplier = p.depthMultiplier();
        final int inputOffset = p.inputOffset();
        final int outputOffset = p.outputOffset();
        final int[] multipliers = p.multipliers();
        final int[] shifts = p.shifts();
        final int min = p.activationMin();
        final int max = p.activationMax();
        for (int b = 0; b < p.batches(); b++) {
            int batchBase = inBase + b * inH * inW * inD;
            for (int oy = 0; oy < p.outputHeight(); oy++) {
                int inYOrigin = oy * p.strideHeight() - p.padHeight();
                for (int ox = 0; ox < p.outputWidth(); ox++) {
                    int inXOrigin = ox * p.strideWidth() - p.padWidth();
                    int outAt = outBase + ((b * p.outputHeight() + oy) * p.outputWidth() + ox) * outD;
                    for (int ic = 0; ic < inD; ic++) {
                        for (int m = 0; m < multiplier; m++) {
                            int oc = m + ic * multiplier;
                            int acc = 0;
                            for (int fy = 0; fy < fH; fy++) {
                                int inY = inYOrigin + p.dilationHeight() * fy;
                                if (inY < 0 || inY >= inH) {
                                    continue;
                                }
                                for (int fx = 0; fx < fW; fx++) {
                                    int inX = inXOrigin + p.dilationWidth() * fx;
                                    if (inX < 0 || inX >= inW) {
                                        continue;
                                    }
                                    int inputValue = in[batchBase + (inY * inW + inX) * inD + ic];
                                    int filterValue = filter[(fy * fW + fx) * outD + oc];
                                    acc += filterValue * (inputValue + inputOffset);
                                }
                            }
                            if (bias != null) {
                                acc += bias[oc];
                            }
                            acc = FixedPointMath.multiplyByQuantizedMultiplier(acc, multipliers[oc], shifts[oc]);
                            acc += outputOffset;
                            out[outAt + oc] = (byte) Math.min(max, Math.max(min, acc));
                        }
                    }
                }
            }
        }
    }

    static void float32(DepthwiseConvParams p, float[] in, float[] filter, float[] bias, float[] out) {
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int inD = p.inputDepth();
        final int fH = p.filterHeight();
        final int fW = p.filterWidth();
        final int outD = p.outputDepth();
        final int multiplier = p.depthMultiplier();
        for (int b = 0; b < p.batches(); b++) {
            int batchBase = b * inH * inW * inD;
            for (int oy = 0; oy < p.outputHeight(); oy++) {
                int inYOrigin = oy * p.strideHeight() - p.padHeight();
                for (int ox = 0; ox < p.outputWidth(); ox++) {
                    int inXOrigin = ox * p.strideWidth() - p.padWidth();
                    int outAt = ((b * p.outputHeight() + oy) * p.outputWidth() + ox) * outD;
                    for (int ic = 0; ic < inD; ic++) {
                        for (int m = 0; m < multiplier; m++) {
                            int oc = m + ic * multiplier;
                            float total = 0f;
                            for (int fy = 0; fy < fH; fy++) {
                                int inY = inYOrigin + p.dilationHeight() * fy;
                                if (inY < 0 || inY >= inH) {
                                    continue;
                                }
                                for (int fx = 0; fx < fW; fx++) {
                                    int inX = inXOrigin + p.dilationWidth() * fx;
                                    if (inX < 0 || inX >= inW) {
                                        continue;
                                    }
                                    total += in[batchBase + (inY * inW + inX) * inD + ic]
                                            * filter[(fy * fW + fx) * outD + oc];
                                }
                            }
                            float value = total + (bias != null ? bias[oc] : 0f);
                            out[outAt + oc] = Math.min(p.floatMax(), Math.max(p.floatMin(), value));
                        }
                    }
                }
            }
        }
    }
}
