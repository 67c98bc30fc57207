package dev.edgeforge.core.learning;

/**
 * A kernel sliding over a channels-last {@code [height, width, channels]} activation: what convolutions and pools
 * share. 1-D data ({@code [time, channels]}) is a window of height 1 with a kernel of height 1.
 *
 * @param height        input rows
 * @param width         input columns
 * @param channels      input channels
 * @param kernelHeight  kernel rows
 * @param kernelWidth   kernel columns
 * @param strideHeight  step between output rows
 * @param strideWidth   step between output columns
 * @param padding       TFLite padding
 */
record KernelWindow(
        int height,
        int width,
        int channels,
        int kernelHeight,
        int kernelWidth,
        int strideHeight,
        int strideWidth,
        Padding padding) {

    /** A square-strided window over an input of rank 2 ({@code [time, channels]}) or 3. */
    static KernelWindow over(TensorShape in, int kernelHeight, int kernelWidth, int stride, Padding padding) {
        boolean oneD = in.rank() == 2;
        return new KernelWindow(
                oneD ? 1 : in.dim(0),
                in.dim(oneD ? 0 : 1),
                in.channels(),
                kernelHeight,
                kernelWidth,
                oneD ? 1 : stride,
                stride,
                padding);
    }

    int outHeight() {
        return padding.outputLength(height, kernelHeight, strideHeight);
    }

    int outWidth() {
        return padding.outputLength(width, kernelWidth, strideWidth);
    }

    int padTop() {
        return padding.padBefore(height, kernelHeight, strideHeight);
    }

    int padLeft() {
        return padding.padBefore(width, kernelWidth, strideWidth);
    }
}
