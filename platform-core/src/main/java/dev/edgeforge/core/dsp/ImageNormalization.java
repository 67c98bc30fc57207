package dev.edgeforge.core.dsp;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the image block maps pixel values 0..255 to features. */
public enum ImageNormalization {
    /** {@code v / 255}: features in 0..1 (Edge Impulse's default). */
    @JsonProperty("zero-to-one")
    ZERO_TO_ONE(1.0 / 255.0, 0.0),
    /** {@code v / 127.5 − 1}: features in −1..1. */
    @JsonProperty("minus-one-to-one")
    MINUS_ONE_TO_ONE(1.0 / 127.5, -1.0);

    private final double scale;
    private final double offset;

    ImageNormalization(double scale, double offset) {
        this.scale = scale;
        this.offset = offset;
    }

    /** Multiplier applied to a 0..255 pixel value. */
    public double scale() {
        return scale;
    }

    /** Added after the multiplication. */
    public double offset() {
        return offset;
    }
}
