package dev.edgeforge.core.interpreter;

/**
 * Prepared AVERAGE_POOL_2D or MAX_POOL_2D ({@code average} tells which). int8 average pooling rounds as TFLM:
 * {@code sum > 0 ? (sum + count/2) / count : (sum − count/2) / count} over the window's in-image elements; int8
 * input and output share scale and zero point.
 */
public record PoolParams(
        boolean quantized,
        boolean average,
        int activationMin,
        int activationMax,
        float floatMin,
        float floatMax,
        int strideHeight,
        int strideWidth,
        int filterHeight,
        int filterWidth,
        int padHeight,
        int padWidth,
        int batches,
        int inputHeight,
        int inputWidth,
        int depth,
        int outputHeight,
        int outputWidth)
        implements OpParams {}
