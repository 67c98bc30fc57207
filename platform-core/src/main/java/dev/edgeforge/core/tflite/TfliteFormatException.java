package dev.edgeforge.core.tflite;

/**
 * A {@code .tflite} file could not be read: it is malformed, inconsistent, or uses something EdgeForge does not
 * support. The message names the problem and where (tensor, operator, offset) so a user can act on it.
 */
public class TfliteFormatException extends RuntimeException {

    public TfliteFormatException(String message) {
        super(message);
    }

    public TfliteFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
