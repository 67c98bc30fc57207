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

    /** CONV_2D with weights {@code [filters, kh, kw, inC]} and TFLite padding. */
    static float[] conv2d(
            float[] in,
            int height,
            int width,
            int inChannels,
            float[] weights,
            float[] bias,
            int filters,
            int kernelHeight,
            int kernelWidth,
            int stride,
            Padding padding) {
        int outHeight = padding.outputLength(height, kernelHeight, stride);
        int outWidth = padding.outputLength(width, kernelWidth, stride);
        int padTop = padding.padBefore(height, kernelHeight, stride);
        int padLeft = padding.padBefore(width, kernelWidth, stride);
        float[] out = new float[outHeight * outWidth * filters];
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                for (int f = 0; f < filters; f++) {
                    double sum = bias[f];
                    for (int ky = 0; ky < kernelHeight; ky++) {
                        int iy = oy * stride - padTop + ky;
                        if (iy < 0 || iy >= height) {
                            continue;
                        }
                        for (int kx = 0; kx < kernelWidth; kx++) {
                            int ix = ox * stride - padLeft + kx;
                            if (ix < 0 || ix >= width) {
                                continue;
                            }
                            int inBase = (iy * width + ix) * inChannels;
                            int wBase = ((f * kernelHeight + ky) * kernelWidth + kx) * inChannels;
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

    /** DEPTHWISE_CONV_2D with weights {@code [1, kh, kw, inC * multiplier]}. */
    static float[] depthwiseConv2d(
            float[] in,
            int height,
            int width,
            int inChannels,
            float[] weights,
            float[] bias,
            int multiplier,
            int kernelHeight,
            int kernelWidth,
            int stride,
            Padding padding) {
        int outHeight = padding.outputLength(height, kernelHeight, stride);
        int outWidth = padding.outputLength(width, kernelWidth, stride);
        int padTop = padding.padBefore(height, kernelHeight, stride);
        int padLeft = padding.padBefore(width, kernelWidth, stride);
        int outChannels = inChannels * multiplier;
        float[] out = new float[outHeight * outWidth * outChannels];
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                for (int oc = 0; oc < outChannels; oc++) {
                    int ic = oc / multiplier;
                    double sum = bias[oc];
                    for (int ky = 0; ky < kernelHeight; ky++) {
                        int iy = oy * stride - padTop + ky;
                        if (iy < 0 || iy >= height) {
                            continue;
                        }
                        for (int kx = 0; kx < kernelWidth; kx++) {
                            int ix = ox * stride - padLeft + kx;
                            if (ix < 0 || ix >= width) {
                                continue;
                            }
                            sum += (double) in[(iy * width + ix) * inChannels + ic]
                                    * weights[(ky * kernelWidth + kx) * outChannels + oc];
                        }
                    }
                    out[(oy * outWidth + ox) * outChannels + oc] = (float) sum;
                }
            }
        }
        return out;
    }

    /** AVERAGE_POOL_2D / MAX_POOL_2D with VALID padding and a {@code poolHeight x poolWidth} window. */
    static float[] pool(
            float[] in,
            int height,
            int width,
            int channels,
            int poolHeight,
            int poolWidth,
            int strideHeight,
            int strideWidth,
            boolean max) {
        int outHeight = Padding.VALID.outputLength(height, poolHeight, strideHeight);
        int outWidth = Padding.VALID.outputLength(width, poolWidth, strideWidth);
        float[] out = new float[outHeight * outWidth * channels];
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                for (int c = 0; c < channels; c++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    for (int ky = 0; ky < poolHeight; ky++) {
                        for (int kx = 0; kx < poolWidth; kx++) {
                            float v = in[((oy * strideHeight + ky) * width + ox * strideWidth + kx) * channels + c];
                            acc = max ? Math.max(acc, v) : acc + v;
                        }
                    }
                    out[(oy * outWidth + ox) * channels + c] = (float) (max ? acc : acc / (poolHeight * poolWidth));
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
