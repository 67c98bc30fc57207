package dev.edgeforge.core.interpreter;

import dev.edgeforge.core.quantization.FixedPointMath;

/** CONV_2D: TFLM {@code reference_integer_ops::ConvPerChannel} and {@code reference_ops::Conv} (float). */
final class ConvKernel {

    private ConvKernel() {}

    static void int8(ConvParams p, byte[] in, int inBase, byte[] filter, int[] bias, byte[] out, int outBase) {
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int inD = p.inputDepth();
        final int fH = p.filterHeight();
        final int fW = p.filterWidth();
        final int outH = p.outputHeight();
        final int outW = p.outputWidth();
        final int outD = p.outputDepth();
        final int inputOffset = p.inputOffset();
        final int outputOffset = p.outputOffset();
        final int[] multipliers = p.multipliers();
        final int[] shifts = p.shifts();
        final int min = p.activationMin();
        final int max = p.activationMax();
        final int filterSize = fH * fW * inD;
        int o = outBase;
        for (int b = 0; b < p.batches(); b++) {
            int batchBase = inBase + b * inH * inW * inD;
            for (int oy = 0; oy < outH; oy++) {
                int inYOrigin = oy * p.strideHeight() - p.padHeight();
                for (int ox = 0; ox < outW; ox++) {
                    int inXOrigin = ox * p.strideWidth() - p.padWidth();
                    for (int oc = 0; oc < outD; oc++) {
                        int acc = 0;
                        int filterBase = oc * filterSize;
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
                                int inAt = batchBase + (inY * inW + inX) * inD;
                                int fAt = filterBase + (fy * fW + fx) * inD;
                                for (int ic = 0; ic < inD; ic++) {
                                    acc += filter[fAt + ic] * (in[inAt + ic] + inputOffset);
                                }
                            }
                        }
                        if (bias != null) {
                            acc += bias[oc];
                        }
                        acc = FixedPointMath.multiplyByQuantizedMultiplier(acc, multipliers[oc], shifts[oc]);
                        acc += outputOffset;
                        out[o++] = (byte) Math.min(max, Math.max(min, acc));
                    }
                }
            }
        }
    }

    static void float32(ConvParams p, float[] in, float[] filter, float[] bias, float[] out) {
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int inD = p.inputDepth();
        final int fH = p.filterHeight();
        final int fW = p.filterWidth();
        final int filterSize = fH * fW * inD;
        int o = 0;
        for (int b = 0; b < p.batches(); b++) {
            int batchBase = b * inH * inW * inD;
            for (int oy = 0; oy < p.outputHeight(); oy++) {
                int inYOrigin = oy * p.strideHeight() - p.padHeight();
                for (int ox = 0; ox < p.outputWidth(); ox++) {
                    int inXOrigin = ox * p.strideWidth() - p.padWidth();
                    for (int oc = 0; oc < p.outputDepth(); oc++) {
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
                                int inAt = batchBase + (inY * inW + inX) * inD;
                                int fAt = oc * filterSize + (fy * fW + fx) * inD;
                                for (int ic = 0; ic < inD; ic++) {
                                    total += in[inAt + ic] * filter[fAt + ic];
                                }
                            }
                        }
                        float value = total + (bias != null ? bias[oc] : 0f);
                        out[o++] = Math.min(p.floatMax(), Math.max(p.floatMin(), value));
                    }
                }
            }
        }
    }
}
