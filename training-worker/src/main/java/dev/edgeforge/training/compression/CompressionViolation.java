package dev.edgeforge.training.compression;

/** A compression step cannot be done for this model as asked; the message says why and what would work. */
public class CompressionViolation extends RuntimeException {

    /** Stable code for the API's problem details. */
    public static final String CODE = "compression-invalid";

    public CompressionViolation(String message) {
        super(message);
    }

    /** See {@link #CODE}. */
    public String code() {
        return CODE;
    }
}
