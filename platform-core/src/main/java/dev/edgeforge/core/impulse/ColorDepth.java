package dev.edgeforge.core.impulse;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Colour planes of an image window. */
public enum ColorDepth {
    /** Three planes: red, green, blue. */
    @JsonProperty("rgb")
    RGB(3),
    /** One plane: luminance {@code 0.299·R + 0.587·G + 0.114·B} (ITU-R BT.601). */
    @JsonProperty("grayscale")
    GRAYSCALE(1);

    private final int channels;

    ColorDepth(int channels) {
        this.channels = channels;
    }

    public int channels() {
        return channels;
    }
}
