package dev.edgeforge.core.model;

/** Options of SOFTMAX: {@code out = exp(beta × x) / Σ exp(beta × x)} over the last axis; beta is positive. */
public record SoftmaxOptions(float beta) implements OperatorOptions {

    public SoftmaxOptions {
        if (!(beta > 0f) || Float.isInfinite(beta)) {
            throw new IllegalArgumentException("softmax beta must be a positive finite number, got " + beta);
        }
    }
}
