package dev.edgeforge.core.learning;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The activation a dense or convolution layer applies to its output. Only the activations TFLite fuses into
 * FULLY_CONNECTED, CONV_2D and DEPTHWISE_CONV_2D (and the int8 path turns into clamps) are offered.
 */
public enum Activation {
    /** Identity: the layer's output is used as computed. */
    @JsonProperty("none")
    NONE,
    /** {@code max(0, x)}. */
    @JsonProperty("relu")
    RELU,
    /** {@code min(max(0, x), 6)}. */
    @JsonProperty("relu6")
    RELU6;

    /** Applies the activation to one value (the float32 reference semantics). */
    public float apply(float x) {
        return switch (this) {
            case NONE -> x;
            case RELU -> Math.max(0f, x);
            case RELU6 -> Math.min(Math.max(0f, x), 6f);
        };
    }
}
