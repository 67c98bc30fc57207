/**
 * TFLite flatbuffers ({@code .tflite}, schema version 3) to and from {@link dev.edgeforge.core.model.ModelGraph}.
 *
 * <p>{@link dev.edgeforge.core.tflite.TfliteReader} reads converter output and hostile uploads alike: it checks every
 * offset, vtable, vector length, string, buffer range, tensor index and shape before using it and reports any
 * problem as a {@link dev.edgeforge.core.tflite.TfliteFormatException} naming it. {@link
 * dev.edgeforge.core.tflite.TfliteWriter} writes float32 and int8 graphs that TFLite and TFLite Micro load.
 * {@link dev.edgeforge.core.tflite.TfliteSchema} holds the schema facts (builtin operator codes and names, tensor
 * types, union types) both share.
 */
package dev.edgeforge.core.tflite;
