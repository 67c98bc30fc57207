package dev.edgeforge.core.learning.export;

/**
 * A trained network cannot be converted into a model graph; the message names the layer (index and type) and why.
 */
public class ConversionViolation extends RuntimeException {

    /** Stable code for the API's problem details. */
    public static final String CODE = "model-conversion-failed";

    public ConversionViolation(String message) {
        super(message);
    }

    /** See {@link #CODE}. */
    public String code() {
        return CODE;
    }
}
