package dev.edgeforge.core.model;

/**
 * Activation fused into an operator's output (TFLite {@code ActivationFunctionType}); in int8 graphs it becomes a
 * clamp of the quantized output.
 */
public enum Activation {
    NONE(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY),
    RELU(0f, Float.POSITIVE_INFINITY),
    RELU_N1_TO_1(-1f, 1f),
    RELU6(0f, 6f);

    private final float min;
    private final float max;

    Activation(float min, float max) {
        this.min = min;
        this.max = max;
    }

    /** Smallest real output value the activation lets through. */
    public float min() {
        return min;
    }

    /** Largest real output value the activation lets through. */
    public float max() {
        return max;
    }

    /** Applies the activation to a float value. */
    public float apply(float value) {
        return Math.min(max, Math.max(min, value));
    }
}
