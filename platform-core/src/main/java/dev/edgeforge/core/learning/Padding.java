package dev.edgeforge.core.learning;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Convolution padding with TFLite's meaning: {@code VALID} uses no padding, {@code SAME} pads with zeros so that the
 * output length is {@code ceil(input / stride)}, putting the odd extra zero after the data (bottom/right), exactly
 * as TFLite computes it.
 */
public enum Padding {
    @JsonProperty("same")
    SAME,
    @JsonProperty("valid")
    VALID;

    /** Output length along one axis for an input of length {@code in}, a kernel of {@code kernel} and a stride. */
    public int outputLength(int in, int kernel, int stride) {
        return switch (this) {
            case SAME -> (in + stride - 1) / stride;
            case VALID -> in < kernel ? 0 : (in - kernel) / stride + 1;
        };
    }

    /** Zeros padded before the data along one axis (the rest of the total goes after it). */
    public int padBefore(int in, int kernel, int stride) {
        return totalPadding(in, kernel, stride) / 2;
    }

    /** Zeros padded after the data along one axis. */
    public int padAfter(int in, int kernel, int stride) {
        int total = totalPadding(in, kernel, stride);
        return total - total / 2;
    }

    private int totalPadding(int in, int kernel, int stride) {
        if (this == VALID) {
            return 0;
        }
        int out = outputLength(in, kernel, stride);
        return Math.max((out - 1) * stride + kernel - in, 0);
    }
}
