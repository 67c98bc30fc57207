/**
 * EdgeForge's domain library: everything about data, impulses and models that does not need a server.
 *
 * <p>Sub-packages are features ({@code format}, {@code dsp}, {@code impulse}, {@code model}, {@code tflite},
 * {@code quantization}, {@code interpreter}, …). Classes here are built with {@code new}; the Spring modules hold
 * only adapters around them. {@link dev.edgeforge.core.ArchitectureTest} keeps Spring, JPA and DJL out.
 */
package dev.edgeforge.core;
