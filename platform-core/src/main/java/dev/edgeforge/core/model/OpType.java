package dev.edgeforge.core.model;

/**
 * The operators a {@link ModelGraph} may contain. Inputs and outputs follow TFLite's order:
 * <ul>
 *   <li>{@code CONV_2D}: input NHWC, filter {@code [outC, kh, kw, inC]}, bias {@code [outC]} (optional) → NHWC</li>
 *   <li>{@code DEPTHWISE_CONV_2D}: input NHWC, filter {@code [1, kh, kw, inC × multiplier]}, bias (optional) →
 * NHWC</li>
 *   <li>{@code FULLY_CONNECTED}: input {@code [..., depth]}, weights {@code [units, depth]}, bias {@code [units]}
 *       (optional) → {@code [batches, units]} (or the input's leading dims with keepNumDims)</li>
 *   <li>{@code AVERAGE_POOL_2D}, {@code MAX_POOL_2D}: input NHWC → NHWC</li>
 *   <li>{@code ADD}: two inputs, broadcasting, → one output</li>
 *   <li>{@code RESHAPE}: input, optional constant int32 shape tensor → output of the same element count</li>
 *   <li>{@code SOFTMAX}: input → output of the same shape, over the last axis</li>
 *   <li>{@code QUANTIZE}: float32 (or int8, requantizing) → int8; {@code DEQUANTIZE}: int8 → float32</li>
 * </ul>
 */
public enum OpType {
    ADD,
    AVERAGE_POOL_2D,
    CONV_2D,
    DEPTHWISE_CONV_2D,
    DEQUANTIZE,
    FULLY_CONNECTED,
    MAX_POOL_2D,
    QUANTIZE,
    RESHAPE,
    SOFTMAX
}
