package dev.edgeforge.jobs.board;

/**
 * A contiguous memory range of a board, as its linker script declares it.
 *
 * @param origin first address
 * @param sizeBytes length in bytes
 */
public record MemoryRegion(long origin, long sizeBytes) {

    public MemoryRegion {
        if (origin < 0 || sizeBytes <= 0) {
            throw new IllegalArgumentException(
                    "memory region needs origin >= 0 and size > 0, got origin " + origin + " size " + sizeBytes);
        }
    }

    public static MemoryRegion kib(long origin, long kibibytes) {
        return new MemoryRegion(origin, kibibytes * 1024);
    }

    public boolean contains(long address) {
        return address >= origin && address < origin + sizeBytes;
    }
}
