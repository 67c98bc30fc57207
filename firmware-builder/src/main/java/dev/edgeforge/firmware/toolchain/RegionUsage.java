package dev.edgeforge.firmware.toolchain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much of one memory region an image uses.
 *
 * @param region the region
 * @param usedBytes bytes occupied: sections running there plus, for flash, the stored initial values of sections
 *     copied to RAM
 * @param bytesBySection used bytes per output section ({@code .data (load)} for initial values stored here)
 * @param bytesByFile used bytes per object file or archive member, largest first (padding between input sections
 *     is not attributed to any file)
 */
public record RegionUsage(
        LinkerMemoryRegion region, long usedBytes, Map<String, Long> bytesBySection, Map<String, Long> bytesByFile) {

    public RegionUsage {
        bytesBySection = Collections.unmodifiableMap(new LinkedHashMap<>(bytesBySection));
        bytesByFile = Collections.unmodifiableMap(new LinkedHashMap<>(bytesByFile));
    }

    public long freeBytes() {
        return region.length() - usedBytes;
    }
}
