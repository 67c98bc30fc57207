package dev.edgeforge.firmware.bundle;

import dev.edgeforge.firmware.codegen.GeneratedLibrary;
import dev.edgeforge.firmware.template.CodeTemplate;
import dev.edgeforge.firmware.toolchain.FirmwareImage;
import dev.edgeforge.firmware.toolchain.LinkerMemoryRegion;
import dev.edgeforge.firmware.toolchain.RegionUsage;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.deploy.MemoryReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds {@link MemoryReport}s and renders them as the bundle's {@code MEMORY.md}. */
final class MemoryReports {

    private static final int TOP_FILES = 12;

    private final CodeTemplate report = CodeTemplate.load("bundle/MEMORY.md.tmpl");
    private final CodeTemplate imagePart = CodeTemplate.load("bundle/MEMORY-image.md.tmpl");

    static MemoryReport of(Board board, GeneratedLibrary library, Optional<FirmwareImage> image) {
        long constants = library.core().graph().tensors().stream()
                .filter(tensor -> tensor.isConstant())
                .mapToLong(tensor -> tensor.byteSize())
                .sum();
        return new MemoryReport(
                board.id(),
                constants,
                library.plan().arenaBytes(),
                library.plan().lowerBound(),
                image.map(linked -> imageMemory(board, linked)));
    }

    /** The report of an image without a network (an anomaly model): no arena, {@code constants} bytes of tables. */
    static MemoryReport of(Board board, long constants, Optional<FirmwareImage> image) {
        return new MemoryReport(board.id(), constants, 0, 0, image.map(linked -> imageMemory(board, linked)));
    }

    private static MemoryReport.ImageMemory imageMemory(Board board, FirmwareImage image) {
        List<MemoryReport.SectionUsage> sections = new ArrayList<>();
        Map<String, Long> flashFiles = Map.of();
        Map<String, Long> ramFiles = Map.of();
        for (LinkerMemoryRegion region : image.linkerMap().regions()) {
            RegionUsage usage = image.linkerMap().usage(region);
            usage.bytesBySection()
                    .forEach((name, bytes) -> sections.add(new MemoryReport.SectionUsage(region.name(), name, bytes)));
            if (region.name().equals("FLASH")) {
                flashFiles = top(usage.bytesByFile());
            } else if (region.name().equals("RAM")) {
                ramFiles = top(usage.bytesByFile());
            }
        }
        return new MemoryReport.ImageMemory(
                image.size().flashBytes(),
                board.flash().sizeBytes(),
                image.size().ramBytes(),
                board.ram().sizeBytes(),
                image.size().text(),
                image.size().data(),
                image.size().bss(),
                sections,
                flashFiles,
                ramFiles);
    }

    private static Map<String, Long> top(Map<String, Long> largestFirst) {
        Map<String, Long> top = new LinkedHashMap<>();
        largestFirst.entrySet().stream().limit(TOP_FILES).forEach(entry -> top.put(entry.getKey(), entry.getValue()));
        return top;
    }

    /** The report as Markdown, for the bundle. */
    String markdown(MemoryReport memory, String modelName, Board board) {
        return render(memory, modelName, board, Map.of());
    }

    /**
     * The report of a TFLM project that was not built (no TFLM checkout configured): its arena is the estimate
     * written into {@code kTensorArenaSize}, not what TFLM's allocator used, and nothing was linked or measured.
     */
    String unbuiltTflmMarkdown(MemoryReport memory, String modelName, Board board) {
        return render(
                memory,
                modelName,
                board,
                Map.of(
                        "arenaLabel",
                        "TFLM tensor arena (kTensorArenaSize): an estimate, not measured",
                        "image",
                        "No image was built: no TFLM checkout is configured (EDGEFORGE_TFLM_DIR), so nothing was"
                                + " compiled, linked, run or measured here. Flash, RAM and the arena TFLM's allocator"
                                + " really uses (`arena_used_bytes()` after `AllocateTensors()`) depend on your build"
                                + " (`make TFLM_DIR=...`, see README.md)."));
    }

    private String render(MemoryReport memory, String modelName, Board board, Map<String, String> overrides) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("arenaLabel", "activation arena");
        v.put("modelName", modelName);
        v.put("boardName", board.name());
        v.put("boardId", board.id());
        v.put("modelConstantBytes", bytes(memory.modelConstantBytes()));
        v.put("arenaBytes", bytes(memory.arenaBytes()));
        v.put("arenaLowerBound", bytes(memory.arenaLowerBound()));
        v.put(
                "arenaVerdict",
                memory.arenaOverhead() == 0
                        ? "the plan is optimal for this operator order"
                        : memory.arenaOverhead() < 0
                                ? "in-place execution keeps the arena " + bytes(-memory.arenaOverhead()) + " below it"
                                : "the plan uses " + bytes(memory.arenaOverhead()) + " more (kernel scratch included)");
        v.put(
                "image",
                memory.image()
                        .map(this::image)
                        .orElse("No image was linked for this format, so flash and RAM use depend on your build."));
        v.putAll(overrides);
        return report.render(v);
    }

    private String image(MemoryReport.ImageMemory image) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("flashBytes", bytes(image.flashBytes()));
        v.put("flashCapacity", bytes(image.flashCapacityBytes()));
        v.put("flashPercent", percent(image.flashBytes(), image.flashCapacityBytes()));
        v.put("ramBytes", bytes(image.ramBytes()));
        v.put("ramCapacity", bytes(image.ramCapacityBytes()));
        v.put("ramPercent", percent(image.ramBytes(), image.ramCapacityBytes()));
        v.put("text", Long.toString(image.text()));
        v.put("data", Long.toString(image.data()));
        v.put("bss", Long.toString(image.bss()));
        List<String> sectionRows = new ArrayList<>();
        image.sections()
                .forEach(s -> sectionRows.add("| " + s.region() + " | `" + s.name() + "` | " + s.bytes() + " |"));
        v.put("sectionRows", String.join("\n", sectionRows));
        v.put("flashRows", rows(image.flashByFile()));
        v.put("ramRows", rows(image.ramByFile()));
        return imagePart.render(v).stripTrailing();
    }

    private static String rows(Map<String, Long> files) {
        List<String> rows = new ArrayList<>();
        files.forEach((file, bytes) -> rows.add("| `" + file + "` | " + bytes + " |"));
        return rows.isEmpty() ? "| (none) | 0 |" : String.join("\n", rows);
    }

    private static String bytes(long bytes) {
        return String.format(Locale.ROOT, "%,d B", bytes);
    }

    private static String percent(long used, long capacity) {
        return String.format(Locale.ROOT, "%.1f %%", 100.0 * used / capacity);
    }
}
