package dev.edgeforge.firmware.toolchain;

import java.util.List;

/**
 * An output section of the linked image.
 *
 * @param name e.g. {@code .text}, {@code .data}, {@code .bss}
 * @param address run-time address (VMA)
 * @param size bytes
 * @param loadAddress where its contents are stored in the image (LMA); equal to {@code address} unless the section
 *     is copied at start-up ({@code .data}: stored in flash, used in RAM)
 * @param inputs what it is made of
 */
public record OutputSection(String name, long address, long size, long loadAddress, List<InputSection> inputs) {

    public OutputSection {
        inputs = List.copyOf(inputs);
    }
}
