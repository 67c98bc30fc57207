package dev.edgeforge.core.interpreter;

/** Prepared DEQUANTIZE: {@code x = (float) ((double) scale × (q − zeroPoint))}. */
public record DequantizeParams(float scale, int zeroPoint, int elementCount) implements OpParams {}
