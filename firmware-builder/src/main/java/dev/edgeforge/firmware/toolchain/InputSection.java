package dev.edgeforge.firmware.toolchain;

/**
 * One input section placed into an output section (with {@code -ffunction-sections -fdata-sections}: one function
 * or one variable).
 *
 * @param name e.g. {@code .rodata.fc1_weights}
 * @param address where it was placed
 * @param size bytes
 * @param file the object file or archive member it came from, e.g. {@code conv2d.o},
 *     {@code libc_nano.a(lib_a-memcpy.o)}
 */
public record InputSection(String name, long address, long size, String file) {}
