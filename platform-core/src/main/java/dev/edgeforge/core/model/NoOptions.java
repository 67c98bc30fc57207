package dev.edgeforge.core.model;

/** The options of operators that have none (QUANTIZE, DEQUANTIZE). */
public enum NoOptions implements OperatorOptions {
    INSTANCE
}
