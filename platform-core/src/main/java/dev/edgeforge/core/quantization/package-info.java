/**
 * int8 quantization: the TFLite/TFLM reference integer math ({@link dev.edgeforge.core.quantization.FixedPointMath})
 * and post-training quantization of float32 graphs ({@link dev.edgeforge.core.quantization.PostTrainingQuantizer}).
 *
 * <p>The math here is the contract between the Java reference interpreter and the generated C kernels: both compute
 * exactly these functions, so they agree bit for bit with each other and with TFLite Micro's reference kernels.
 */
package dev.edgeforge.core.quantization;
