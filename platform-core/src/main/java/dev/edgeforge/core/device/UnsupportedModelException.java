package dev.edgeforge.core.device;

/** A model the code generator cannot compile (float operators, several inputs, an op without a C kernel …). */
public class UnsupportedModelException extends RuntimeException {

    public UnsupportedModelException(String message) {
        super(message);
    }
}
