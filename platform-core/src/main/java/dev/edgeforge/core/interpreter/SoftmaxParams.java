package dev.edgeforge.core.interpreter;

/**
 * Prepared SOFTMAX over the last axis ({@code depth}) of {@code outerSize} rows. int8 (TFLM reference): input
 * differences from the row maximum at least {@code diffMin} are scaled by {@code inputMultiplier} ≪
 * {@code inputLeftShift} into a 5-integer-bit fixed-point value, exponentiated with gemmlowp's
 * {@code exp_on_negative_values}, summed with 12 integer bits and normalised by the fixed-point reciprocal; output
 * scale 1/256, zero point −128. float32: {@code exp(beta × (x − max)) / Σ}.
 */
public record SoftmaxParams(
        boolean quantized, int inputMultiplier, int inputLeftShift, int diffMin, float beta, int outerSize, int depth)
        implements OpParams {}
