package dev.edgeforge.core.model;

import java.util.Arrays;

/**
 * Affine quantization of a tensor: {@code real = scale × (quantized − zeroPoint)}.
 *
 * <p>Per-tensor quantization has one scale and one zero point. Per-channel (per-axis) quantization has one of each per
 * index along {@code quantizedDimension} (TFLite: CONV_2D filters on axis 0, DEPTHWISE_CONV_2D filters on axis 3,
 * biases on axis 0). Scales are positive and finite.
 *
 * @param scales             one scale per channel (length 1 for per-tensor)
 * @param zeroPoints         one zero point per channel, same length as {@code scales}
 * @param quantizedDimension the channel axis (0 for per-tensor)
 */
public record Quantization(float[] scales, long[] zeroPoints, int quantizedDimension) {

    public Quantization {
        if (scales == null || zeroPoints == null || scales.length == 0) {
            throw new IllegalArgumentException("quantization needs at least one scale");
        }
        if (scales.length != zeroPoints.length) {
            throw new IllegalArgumentException(
                    "quantization has " + scales.length + " scales but " + zeroPoints.length + " zero points");
        }
        if (quantizedDimension < 0) {
            throw new IllegalArgumentException("quantized dimension must not be negative, got " + quantizedDimension);
        }
        for (int i = 0; i < scales.length; i++) {
            if (!(scales[i] > 0f) || Float.isInfinite(scales[i])) {
                throw new IllegalArgumentException(
                        "quantization scale " + i + " must be positive and finite, got " + scales[i]);
            }
        }
        scales = scales.clone();
        zeroPoints = zeroPoints.clone();
    }

    /** Per-tensor quantization. */
    public static Quantization perTensor(float scale, long zeroPoint) {
        return new Quantization(new float[] {scale}, new long[] {zeroPoint}, 0);
    }

    /** Symmetric per-channel quantization (all zero points 0) along {@code axis}. */
    public static Quantization perChannel(float[] scales, int axis) {
        return new Quantization(scales, new long[scales.length], axis);
    }

    /** True when there is more than one scale. */
    public boolean isPerChannel() {
        return scales.length > 1;
    }

    /** Number of channels (1 for per-tensor). */
    public int channelCount() {
        return scales.length;
    }

    /** The scale of channel {@code channel} (or the only scale). */
    public float scale(int channel) {
        return scales[channel];
    }

    /** The scale of a per-tensor quantization (the first scale). */
    public float scale() {
        return scales[0];
    }

    /** The zero point of channel {@code channel}. */
    public long zeroPoint(int channel) {
        return zeroPoints[channel];
    }

    /** The zero point of a per-tensor quantization (the first zero point), as an int. */
    public int zeroPoint() {
        return (int) zeroPoints[0];
    }

    @Override
    public float[] scales() {
        return scales.clone();
    }

    @Override
    public long[] zeroPoints() {
        return zeroPoints.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Quantization that
                && quantizedDimension == that.quantizedDimension
                && Arrays.equals(scales, that.scales)
                && Arrays.equals(zeroPoints, that.zeroPoints);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(scales) + Arrays.hashCode(zeroPoints)) + quantizedDimension;
    }

    @Override
    public String toString() {
        return isPerChannel()
                ? "Quantization[perChannel axis=" + quantizedDimension + ", " + scales.length + " scales]"
                : "Quantization[scale=" + scales[0] + ", zeroPoint=" + zeroPoints[0] + "]";
    }
}
