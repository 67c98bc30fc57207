/**
 * TensorFlow Lite Micro built by the firmware builder itself: the framework and the kernels a model uses, compiled
 * out of tree from a read-only checkout ({@code EDGEFORGE_TFLM_DIR}) into a cached archive, so the {@code tflm}
 * bundle's own Makefile can link it and the image can be verified in QEMU like the other formats.
 */
package dev.edgeforge.firmware.tflm;
