/**
 * Model → C. {@link dev.edgeforge.firmware.codegen.CLibraryGenerator} compiles a quantized int8 model (and the
 * impulse's DSP block) into a portable C99 library with no interpreter: const weights, const params structs from
 * the reference interpreter's prepared params, a straight-line invoke on one static arena laid out by the memory
 * planner, and the API of {@code include/ef/ef_model.h}. {@link dev.edgeforge.firmware.codegen.FirmwareApplication}
 * writes the {@code main.c} of ready-to-flash images (boot test window, serial line protocol).
 * {@link dev.edgeforge.firmware.codegen.InputQuantizer} turns test windows into int8 input tensors with the device's
 * math. Every generated file comes from a template under {@code src/main/resources/templates/}, and names and labels
 * reach it only through placeholders that escape them for their context (see {@code dev.edgeforge.firmware.template}).
 *
 * <p>{@link dev.edgeforge.core.device.NetworkPlan} (platform-core, shared with the deployment estimator) decides each
 * operator's kernel before anything is written: convolutions and fully connected layers run on packed kernels
 * (weights re-laid for the SIMD loops, the fused requantization of {@code PackedRequant}, which proves it exact per
 * layer) and the plan gives the memory planner their scratch buffers and in-place allowances. This package writes the
 * C for it: {@code OperatorEmitter} the params and calls, {@code PackedArrays} the packed const data.
 *
 * <p>How to support a new operator: its kernel under {@code src/main/c/kernels/} (see the kernels README), its
 * params template under {@code templates/c-library/ops/}, and its case in {@code OperatorEmitter} (and in
 * {@code core.device.KernelPlan} when it can run in place or packed).
 */
package dev.edgeforge.firmware.codegen;
