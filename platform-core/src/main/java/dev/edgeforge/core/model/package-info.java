/**
 * The model graph: the one in-memory form of a neural network that every stage of the model path shares.
 *
 * <p>The trainer builds a float32 {@link dev.edgeforge.core.model.ModelGraph} with
 * {@link dev.edgeforge.core.model.ModelGraph.Builder}; the quantizer turns it into an int8 graph; the TFLite reader and
 * writer convert graphs from and to {@code .tflite} flatbuffers; the reference interpreter runs them; the firmware
 * builder turns them into C. The graph follows TFLite's conventions so that conversions are lossless: tensors are
 * row-major NHWC, conv filters are {@code [out, h, w, in]}, depthwise filters {@code [1, h, w, out]},
 * fully-connected weights {@code [units, depth]}, quantization is {@code real = scale × (q − zeroPoint)}.
 *
 * <p>Everything here is immutable. {@link dev.edgeforge.core.model.ModelGraph#validate()} checks the structural and
 * shape rules each operator needs, so code downstream may rely on them.
 *
 * <p>How to add an operator: add a constant to {@link dev.edgeforge.core.model.OpType}, an options record implementing
 * {@link dev.edgeforge.core.model.OperatorOptions} if it has options, its shape rules in {@code OperatorRules}, then
 * its
 * TFLite mapping (package {@code tflite}) and its kernels (package {@code interpreter}).
 */
package dev.edgeforge.core.model;
