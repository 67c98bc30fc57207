/**
 * The reference interpreter: runs a {@link dev.edgeforge.core.model.ModelGraph} in float32 or int8 with the integer
 * math of TFLite Micro's reference kernels, bit for bit.
 *
 * <p>{@link dev.edgeforge.core.interpreter.PreparedModel#prepare} does everything computable ahead of time: per-op
 * params records ({@link dev.edgeforge.core.interpreter.ConvParams},
 * {@link dev.edgeforge.core.interpreter.DepthwiseConvParams}, {@link
 * dev.edgeforge.core.interpreter.FullyConnectedParams},
 * {@link dev.edgeforge.core.interpreter.PoolParams}, {@link dev.edgeforge.core.interpreter.AddParams},
 * {@link dev.edgeforge.core.interpreter.SoftmaxParams}, {@link dev.edgeforge.core.interpreter.QuantizeParams},
 * {@link dev.edgeforge.core.interpreter.DequantizeParams}, {@link dev.edgeforge.core.interpreter.ReshapeParams}:
 * multipliers, shifts, offsets, clamps, paddings, shapes) and the arena plan. The firmware builder emits these same
 * records as C structs, so the C kernels compute nothing the Java side computed already.
 * {@link dev.edgeforge.core.interpreter.Interpreter} runs the prepared model from one byte arena laid out by the
 * plan. Kernels (package-private, one class per op) keep the math apart from the glue.
 *
 * <p>How to add an op: its params record (implementing {@link dev.edgeforge.core.interpreter.OpParams}), its
 * preparation in {@code ParamsFactory}, a kernel class, and its step in {@code Interpreter}.
 */
package dev.edgeforge.core.interpreter;
