package dev.edgeforge.firmware.toolchain;

/**
 * A MEMORY region of the linker script, as the map file's "Memory Configuration" lists it.
 *
 * @param name e.g. {@code FLASH}, {@code RAM}
 * @param origin first address
 * @param length bytes
 */
public record LinkerMemoryRegion(String name, long origin, long length) {

    public boolean contains(long address) {
        return address >= origin && address < origin + length;
    }
}
