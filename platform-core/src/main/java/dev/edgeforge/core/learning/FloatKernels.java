package dev.edgeforge.core.learning;

/**
 * Float32 reference kernels on channels-last tensors, the math of the TFLite float reference kernels: sums are
 * accumulated in double and rounded once, so results are at least as exact as a float32 framework's.
 * Activations are {@code [height, width, channels]}; 1-D data is passed with height 1.
 */
final class FloatKernels {

    private FloatKernels() {}

    /** FULLY_CONNECTED: {@code out[o] = b[o] + sum_i w[o][i] * in[i]}. */
    static float[] fullyConnected(float[] in, float[] weights, float[] bias, int units) {
        int inputs = in.length;
        float[] out = new float[units];
        for (int o = 0; o < units; o++) {
            double sum = bias[o];
            int row = o * inputs;
            for (int i = 0; i < inputs; i++) {
                sum += (double) weights[row + i] * in[i];
            }
            out[o] = (float) sum;
        }
        return out;
    }

    /** CONV_2D with weights {@code [filters, kh, kw, inC]}. */
    static float[] conv2d(float[] in, KernelWindow w, float[] weights, float[] bias, int filters) {
        int outHeight = w.outHeight();
        int outWidth = w.outWidth();
        int padTop = w.padTop();
        int padLeft = w.padLeft();
        int inChannels = w.channels();
        float[] out = new float[outHeight * outWidth * filters];
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                for (int f = 0; f < filters; f++) {
                    double sum = bias[f];
                    for (int ky = 0; ky < w.kernelHeight(); ky++) {
                        int iy = oy * w.strideHeight() - padTop + ky;
                        if (iy < 0 || iy >= w.height()) {
                            continue;
                        }
                        for (int kx = 0; kx < w.kernelWidth(); kx++) {
                            int ix = ox * w.strideWidth() - padLeft + kx;
                            if (ix < 0 || ix >= w.width()) {
                                continue;
                            }
                            int inBase = (iy * w.width() + ix) * inChannels;
                            int wBase = ((f * w.kernelHeight() + ky) * w.kernelWidth() + kx) * inChannels;
                            for (int c = 0; c < inChannels; c++) {
                                sum += (double) in[inBase + c] * weights[wBase + c];
                            }
                        }
                    }
                    out[(oy * outWidth + ox) * filters + f] = (float) sum;
                }
            }
        }
        return out;
    }

    /**
     * DEPTHWISE_CONV_2D with weights {@code [1, kh, kw, inC * multiplier]}: the same window as {@link #conv2d}, each
     * output channel {@code oc} reading input channel {@code oc / multiplier} only.
     */
    static float[] depthwiseConv2d(float[] in, KernelWindow w, float[] weights, float[] bias, int multiplier) {
        int outHeight = w.outHeight();
        int outWidth = w.outWidth();
        int padTop = w.padTop();
        int padLeft = w.padLeft();
        int inChannels = w.channels();
        int outChannels = inChannels * multiplier;
        float[] out = new float[outHeight * outWidth * outChannels];
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                for (int oc = 0; oc < outChannels; oc++) {
                    int ic = oc / multiplier;
                    double sum = bias[oc];
                    for (int ky = 0; ky < w.kernelHeight(); ky++) {
                        int iy = oy * w.strideHeight() - padTop + ky;
                        if (iy < 0 || iy >= w.height()) {
                            continue;
                        }
                        for (int kx = 0; kx < w.kernelWidth(); kx++) {
                            int ix = ox * w.strideWidth() - padLeft + kx;
                            if (ix < 0 || ix >= w.width()) {
                                continue;
                            }
                            sum += (double) in[(iy * w.width() + ix) * inChannels + ic]
                                    * weights[(ky * w.kernelWidth() + kx) * outChannels + oc];
                        }
                    }
                    out[(oy * outWidth + ox) * outChannels + oc] = (float) sum;
                }
            }
        }
        return out;
    }

    /** AVERAGE_POOL_2D / MAX_POOL_2D over a VALID window. */
    static float[] pool(float[] in, KernelWindow w, boolean max) {
        int outHeight = w.outHeight();
        int outWidth = w.outWidth();
        int channels = w.channels();
        int area = w.kernelHeight() * w.kernelWidth();
        float[] out = new float[outHeight * outWidth * channels];
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                for (int c = 0; c < channels; c++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    for (int ky = 0; ky < w.kernelHeight(); ky++) {
                        for (int kx = 0; kx < w.kernelWidth(); kx++) {
                            int at = (oy * w.strideHeight() + ky) * w.width() + ox * w.strideWidth() + kx;
                            float v = in[at * channels + c];
                            acc = max ? Math.max(acc, v) : acc + v;
                        }
                    }
                    out[(oy * outWidth + ox) * channels + c] = (float) (max ? acc : acc / area);
                }
            }
        }
        return out;
    }

    /** Batch norm over the last axis. */
    static float[] batchNorm(float[] in, BatchNormParameters parameters) {
        double[] scale = parameters.scale();
        double[] shift = parameters.shift();
        int channels = scale.length;
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            int c = i % channels;
            out[i] = (float) (in[i] * scale[c] + shift[c]);
        }
        return out;
    }

    /** Softmax over the last axis. */
    static float[] softmax(float[] in, int channels) {
        float[] out = new float[in.length];
        for (int base = 0; base < in.length; base += channels) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < channels; c++) {
                max = Math.max(max, in[base + c]);
            }
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += Math.exp(in[base + c] - max);
            }
            for (int c = 0; c < channels; c++) {
                out[base + c] = (float) (Math.exp(in[base + c] - max) / sum);
            }
        }
        return out;
    }

    static float[] activate(float[] values, Activation activation) {
        if (activation != Activation.NONE) {
            for (int i = 0; i < values.length; i++) {
                values[i] = activation.apply(values[i]);
            }
        }
        return values;
    }

    static float[] add(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }
}
