package dev.edgeforge.jobs.deploy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a build's bytes go: the model's constant data, the activation arena next to the liveness lower bound of its
 * operator order (no plan without in-place execution can be smaller) and, when the build linked an image, flash and
 * RAM by section.
 *
 * @param boardId            the board the report is for
 * @param modelConstantBytes weights and biases of the model
 * @param arenaBytes         the activation arena
 * @param arenaLowerBound    the liveness lower bound for this operator order
 * @param image              the linked image's use of flash and RAM (absent when the build links none, as for
 *                           {@code tflm} without a TFLite Micro tree)
 */
public record MemoryReport(
        String boardId, long modelConstantBytes, int arenaBytes, int arenaLowerBound, Optional<ImageMemory> image) {

    /** Bytes by which the arena exceeds the lower bound (0 when the plan is optimal). */
    public int arenaOverhead() {
        return arenaBytes - arenaLowerBound;
    }

    /**
     * Flash and RAM of a linked image.
     *
     * @param flashBytes         flash used: vector table, code, read-only data, stored initial values of .data
     * @param flashCapacityBytes the board's flash (application area)
     * @param ramBytes           RAM reserved statically: .data, .bss (arena included) and the stack
     * @param ramCapacityBytes   the board's RAM
     * @param text               {@code arm-none-eabi-size}'s text column
     * @param data               its data column
     * @param bss                its bss column (the stack reservation included)
     * @param sections           every non-empty output section with the region it occupies (from the map file)
     * @param flashByFile        the object files using the most flash, largest first
     * @param ramByFile          the object files using the most RAM, largest first
     */
    public record ImageMemory(
            long flashBytes,
            long flashCapacityBytes,
            long ramBytes,
            long ramCapacityBytes,
            long text,
            long data,
            long bss,
            List<SectionUsage> sections,
            Map<String, Long> flashByFile,
            Map<String, Long> ramByFile) {

        public ImageMemory {
            sections = List.copyOf(sections);
            flashByFile = Collections.unmodifiableMap(new LinkedHashMap<>(flashByFile));
            ramByFile = Collections.unmodifiableMap(new LinkedHashMap<>(ramByFile));
        }
    }

    /**
     * One output section.
     *
     * @param region {@code FLASH} or {@code RAM} (a section copied at reset also appears as "(load)" in flash)
     * @param name   e.g. {@code .text}, {@code .bss}, {@code .data (load)}
     * @param bytes  its size
     */
    public record SectionUsage(String region, String name, long bytes) {}
}
