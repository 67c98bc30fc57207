package dev.edgeforge.core.interpreter;

/** AVERAGE_POOL_2D and MAX_POOL_2D: TFLM {@code reference_integer_ops::AveragePool/MaxPool} and float versions. */
final class PoolKernel {

    private PoolKernel() {}

    static void int8(PoolParams p, byte[] in, int inBase, byte[] out, int outBase) {
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int depth = p.depth();
        int o = outBase;
        for (int b = 0; b < p.batches(); b++) {
            for (int oy = 0; oy < p.outputHeight(); oy++) {
                int inYOrigin = oy * p.strideHeight() - p.padHeight();
                int fyStart = Math.max(0, -inYOrigin);
                int fyEnd = Math.min(p.filterHeight(), inH - inYOrigin);
                for (int ox = 0; ox < p.outputWidth(); ox++) {
                    int inXOrigin = ox * p.strideWidth() - p.padWidth();
                    int fxStart = Math.max(0, -inXOrigin);
                    int fxEnd = Math.min(p.filterWidth(), inW - inXOrigin);
                    for (int c = 0; c < depth; c++) {
                        int acc = p.average() ? 0 : -128;
                        int count = 0;
                        for (int fy = fyStart; fy < fyEnd; fy++) {
                            for (int fx = fxStart; fx < fxEnd; fx++) {
                                int value =
                                        in[inBase + (((b * inH) + inYOrigin + fy) * inW + inXOrigin + fx) * depth + c];
                                if (p.average()) {
                                    acc += value;
                                } else {
                                    acc = Math.max(acc, value);
                                }
                                count++;
                            }
                        }
                        if (p.average()) {
                            // TFLM rounds half away from zero; a window entirely in the padding cannot occur because
                            // SAME padding never exceeds half the filter.
                            acc = count == 0 ? 0 : acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
                        }
                        out[o++] = (byte) Math.min(p.activationMax(), Math.max(p.activationMin(), acc));
                    }
                }
            }
        }
    }

    static void float32(PoolParams p, float[] in, float[] out) {
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int depth = p.depth();
        int o = 0;
        for (int b = 0; b < p.batches(); b++) {
            for (int oy = 0; oy < p.outputHeight(); oy++) {
                int inYOrigin = oy * p.strideHeight() - p.padHeight();
                int fyStart = Math.max(0, -inYOrigin);
                int fyEnd = Math.min(p.filterHeight(), inH - inYOrigin);
                for (int ox = 0; ox < p.outputWidth(); ox++) {
                    int inXOrigin = ox * p.strideWidth() - p.padWidth();
                    int fxStart = Math.max(0, -inXOrigin);
                    int fxEnd = Math.min(p.filterWidth(), inW - inXOrigin);
                    for (int c = 0; c < depth; c++) {
                        float acc = p.average() ? 0f : Float.NEGATIVE_INFINITY;
                        int count = 0;
                        for (int fy = fyStart; fy < fyEnd; fy++) {
                            for (int fx = fxStart; fx < fxEnd; fx++) {
                                float value = in[(((b * inH) + inYOrigin + fy) * inW + inXOrigin + fx) * depth + c];
                                acc = p.average() ? acc + value : Math.max(acc, value);
                                count++;
                            }
                        }
                        if (p.average()) {
                            acc = count == 0 ? 0f : acc / count;
                        }
                        out[o++] = Math.min(p.floatMax(), Math.max(p.floatMin(), acc));
                    }
                }
            }
        }
    }
}
