package dev.edgeforge.core.feature;

/**
 * A feature set or feature chunk file cannot be read (wrong magic, unsupported version, truncated, a checksum
 * mismatch, an out-of-range field) or a value cannot be written (wrong length, non-finite feature, unknown label).
 * The message names the file kind, the byte offset and the field.
 */
public class FeatureFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FeatureFormatException(String message) {
        super(message);
    }

    public FeatureFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
