package dev.edgeforge.core.interpreter;

/**
 * Prepared QUANTIZE. From float32 ({@code requantize} false): {@code q = round(x / outputScale) + outputZeroPoint},
 * clamped to int8. From int8 ({@code requantize} true): {@code MultiplyByQuantizedMultiplier(q − inputZeroPoint,
 * multiplier, shift) + outputZeroPoint}, clamped.
 */
public record QuantizeParams(
        boolean requantize,
        float outputScale,
        int outputZeroPoint,
        int inputZeroPoint,
        int multiplier,
        int shift,
        int elementCount)
        implements OpParams {}
