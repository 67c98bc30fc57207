/**
 * Running the C toolchains: {@link dev.edgeforge.firmware.toolchain.GccCompiler} compiles and links with
 * arm-none-eabi-gcc or the host gcc in a build directory under a time limit and keeps the compiler's output for
 * the user; {@link dev.edgeforge.firmware.toolchain.BinaryTools} makes .bin/.hex images and reads section sizes;
 * {@link dev.edgeforge.firmware.toolchain.MapFileParser} turns a GNU ld map file into flash/RAM use by section;
 * {@link dev.edgeforge.firmware.toolchain.FirmwareSources} locates the C tree (kernels, boards, tests) and
 * {@link dev.edgeforge.firmware.toolchain.FirmwareCompiler} builds a complete image for a board.
 *
 * <p>A missing tool is a {@link dev.edgeforge.firmware.toolchain.ToolNotFoundException} whose message names the
 * apt-get command that installs it.
 */
package dev.edgeforge.firmware.toolchain;
