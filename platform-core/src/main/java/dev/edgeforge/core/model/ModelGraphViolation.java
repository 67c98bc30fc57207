package dev.edgeforge.core.model;

/** Thrown when a {@link ModelGraph} breaks a structural, shape or type rule; the message names the rule and where. */
public class ModelGraphViolation extends RuntimeException {

    public ModelGraphViolation(String message) {
        super(message);
    }
}
