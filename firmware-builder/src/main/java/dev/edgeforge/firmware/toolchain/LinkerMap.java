package dev.edgeforge.firmware.toolchain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a GNU ld map file that a memory report needs: the memory regions and the output sections with
 * their input sections. Produced by {@link MapFileParser}.
 */
public record LinkerMap(List<LinkerMemoryRegion> regions, List<OutputSection> sections) {

    public LinkerMap {
        regions = List.copyOf(regions);
        sections = List.copyOf(sections);
    }

    public Optional<LinkerMemoryRegion> region(String name) {
        return regions.stream().filter(region -> region.name().equals(name)).findFirst();
    }

    public Optional<OutputSection> section(String name) {
        return sections.stream().filter(section -> section.name().equals(name)).findFirst();
    }

    /** Use of every memory region, in the order the linker script declares them. */
    public List<RegionUsage> usage() {
        List<RegionUsage> usage = new ArrayList<>();
        for (LinkerMemoryRegion region : regions) {
            usage.add(usage(region));
        }
        return usage;
    }

    /** Use of one region; see {@link RegionUsage}. */
    public RegionUsage usage(LinkerMemoryRegion region) {
        Map<String, Long> bySection = new LinkedHashMap<>();
        Map<String, Long> byFile = new HashMap<>();
        long used = 0;
        for (OutputSection section : sections) {
            if (section.size() == 0) {
                continue;
            }
            boolean runsHere = region.contains(section.address());
            boolean storedHere = section.loadAddress() != section.address() && region.contains(section.loadAddress());
            if (!runsHere && !storedHere) {
                continue;
            }
            used += section.size();
            bySection.merge(runsHere ? section.name() : section.name() + " (load)", section.size(), Long::sum);
            for (InputSection input : section.inputs()) {
                byFile.merge(input.file(), input.size(), Long::sum);
            }
        }
        Map<String, Long> byFileSorted = new LinkedHashMap<>();
        byFile.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> byFileSorted.put(entry.getKey(), entry.getValue()));
        return new RegionUsage(region, used, bySection, byFileSorted);
    }
}
