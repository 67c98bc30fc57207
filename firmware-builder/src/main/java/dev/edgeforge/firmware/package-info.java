/**
 * The firmware builder: C code generation ({@code codegen}, {@code dsp}), arm-none-eabi-gcc builds
 * ({@code toolchain}), boards ({@code board}), bundles ({@code bundle}), QEMU runs and verification ({@code qemu},
 * {@code verification}), estimates before building ({@code estimate}) and the deployment job ({@code job}).
 * {@link dev.edgeforge.firmware.FirmwareBuilderApplication} runs the job handler as a process of its own; the
 * all-in-one server runs the same handler in its JVM.
 */
package dev.edgeforge.firmware;
