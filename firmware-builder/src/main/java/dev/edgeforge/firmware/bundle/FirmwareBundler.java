package dev.edgeforge.firmware.bundle;

import dev.edgeforge.firmware.codegen.FirmwareApplication;
import dev.edgeforge.firmware.codegen.GeneratedLibrary;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.template.CodeTemplate;
import dev.edgeforge.firmware.toolchain.CompilerFlags;
import dev.edgeforge.firmware.toolchain.FirmwareCompiler;
import dev.edgeforge.firmware.toolchain.FirmwareImage;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.deploy.MemoryReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code firmware} and {@code c-library} bundles. Both link a complete image for the board (the library proven
 * to compile and link, and measured); the firmware bundle ships the image (.elf, .bin, .hex, .map) with the sources
 * and a Makefile that rebuild it, the board's flashing instructions and the protocol; the c-library bundle ships the
 * library's sources.
 */
final class FirmwareBundler {

    private final FirmwareSources sources;
    private final FirmwareCompiler compiler;
    private final MemoryReports memoryReports = new MemoryReports();
    private final CodeTemplate firmwareReadme = CodeTemplate.load("bundle/firmware-README.md.tmpl");
    private final CodeTemplate makefile = CodeTemplate.load("firmware/Makefile.tmpl");
    private final CodeTemplate bootSentence = CodeTemplate.load("bundle/firmware-README-boot.md.tmpl");
    private final CodeTemplate generatedBootSentence =
            CodeTemplate.load("bundle/firmware-README-boot-generated.md.tmpl");

    FirmwareBundler(FirmwareSources sources, FirmwareCompiler compiler) {
        this.sources = sources;
        this.compiler = compiler;
    }

    DeploymentBuilder.Produced bundle(
            BuildRequest request,
            Board board,
            GeneratedLibrary library,
            Path directory,
            BundleWriter writer,
            boolean shipImage) {
        FirmwareApplication application = new FirmwareApplication();
        Path app = directory.resolve("app");
        Path main = generatesBootInput(request, library)
                ? application.generateWithGeneratedInput(library, board, FirmwareApplication.GENERATED_BOOT_SEED, app)
                : application.generate(library, board, request.bootWindow(), app);
        List<Path> applicationSources = FirmwareApplication.sources(library, main);
        FirmwareImage image = compiler.build(
                directory.resolve("image"), board, sources, applicationSources, library.includeDirectories());
        MemoryReport memory = MemoryReports.of(board, library, Optional.of(image));
        String name = library.identity().name();
        writer.writeText("MEMORY.md", memoryReports.markdown(memory, name, board));
        if (!shipImage) {
            writer.copyTree(library.root(), ".");
            return new DeploymentBuilder.Produced(writer, Optional.of(image.elf()), memory, image.compilerOutput());
        }
        writer.copyFile(image.elf(), "firmware.elf");
        writer.copyFile(image.bin(), "firmware.bin");
        writer.copyFile(image.hex(), "firmware.hex");
        writer.copyFile(image.mapFile(), "firmware.map");
        writer.copyFile(sources.boardReadme(board), "FLASHING.md");
        writer.copyFile(sources.protocolDocument(), "PROTOCOL.md");
        writer.copyTree(library.root(), "sources/library");
        writer.copyFile(main, "sources/app/main.c");
        writer.copyTree(sources.boardCommonDirectory(), "sources/boards/common");
        writer.copyTree(sources.boardDirectory(board), "sources/boards/" + board.id());
        writer.writeText("sources/Makefile", makefile(request, board, library, applicationSources, main));
        writer.writeText("README.md", readme(request, board, library, image, memory));
        return new DeploymentBuilder.Produced(writer, Optional.of(image.elf()), memory, image.compilerOutput());
    }

    /**
     * Whether the image generates its boot input: the boot window is an int8 input tensor (or features for one)
     * larger than {@link FirmwareApplication#STORED_BOOT_INPUT_BYTES}, which would cost as much flash as it has bytes.
     * Raw windows for an impulse stay stored: their result also proves the DSP block.
     */
    static boolean generatesBootInput(BuildRequest request, GeneratedLibrary library) {
        return request.bootWindow()
                        .filter(window -> window.kind() != TestWindow.Kind.RAW)
                        .isPresent()
                && library.inputSize() > FirmwareApplication.STORED_BOOT_INPUT_BYTES;
    }

    /** A Makefile listing the sources in the builder's link order, with paths inside the bundle's sources/. */
    private String makefile(
            BuildRequest request, Board board, GeneratedLibrary library, List<Path> applicationSources, Path main) {
        List<String> files = new ArrayList<>();
        for (Path source : applicationSources) {
            files.add(source.equals(main) ? "app/main.c" : "library/" + relative(library.root(), source));
        }
        for (Path kernel : sources.kernelSources(board.kernelVariant())) {
            files.add("library/" + relative(sources.root(), kernel));
        }
        for (Path boardSource : sources.boardSources(board)) {
            files.add(relative(sources.root(), boardSource));
        }
        List<String> includes = new ArrayList<>();
        for (Path include : library.includeDirectories()) {
            includes.add("-Ilibrary/" + relative(library.root(), include));
        }
        includes.add("-Iboards/common");
        includes.add("-Iboards/" + board.id());
        List<String> flags = new ArrayList<>(CompilerFlags.FIRMWARE);
        flags.addAll(board.compilerFlags());
        List<String> link = new ArrayList<>(List.of("-Lboards/common", "-Tboards/" + board.id() + "/linker.ld"));
        link.addAll(CompilerFlags.FIRMWARE_LINK);
        link.add("-Wl,-Map=build/firmware.map");
        link.add("-lm");
        Map<String, String> v = new LinkedHashMap<>();
        v.put("boardName", board.name());
        v.put("boardId", board.id());
        v.put("modelName", library.identity().name());
        v.put("sha256", library.identity().sha256());
        v.put("generator", DeploymentBuilder.VERSION);
        v.put("flags", String.join(" ", flags));
        v.put("includes", String.join(" ", includes));
        v.put("linkFlags", String.join(" ", link));
        v.put(
                "sources",
                String.join(" \\\n", files.stream().map(file -> "\t" + file).toList()));
        return makefile.render(v);
    }

    private String readme(
            BuildRequest request, Board board, GeneratedLibrary library, FirmwareImage image, MemoryReport memory) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("modelName", library.identity().name());
        v.put("sha256", library.identity().sha256());
        v.put("boardName", board.name());
        v.put("boardId", board.id());
        v.put("mcu", board.mcu());
        v.put("core", board.core().displayName());
        v.put("flags", String.join(" ", board.compilerFlags()));
        v.put("flashBytes", Long.toString(image.size().flashBytes()));
        v.put("ramBytes", Long.toString(image.size().ramBytes()));
        v.put("arenaBytes", Integer.toString(memory.arenaBytes()));
        v.put("arenaLowerBound", Integer.toString(memory.arenaLowerBound()));
        v.put("serialPort", board.serialPort());
        v.put("flashingTools", String.join(", ", board.flashingTools()));
        v.put("counter", board.counter().unit());
        v.put(
                "impulse",
                library.impulse()
                        .map(dsp -> "The image contains the impulse's `"
                                + dsp.block().type() + "` block: `window <hex>` classifies a raw window of "
                                + dsp.windowBytes() + " bytes.")
                        .orElse("The image has no impulse: send int8 input tensors with `run <hex>`."));
        v.put(
                "boot",
                generatesBootInput(request, library)
                        ? generatedBootSentence
                                .render(Map.of(
                                        "seed", Integer.toUnsignedString(FirmwareApplication.GENERATED_BOOT_SEED),
                                        "inputBytes", Integer.toString(library.inputSize())))
                                .stripTrailing()
                        : request.bootWindow()
                                .map(window -> bootSentence
                                        .render(Map.of(
                                                "testWindow",
                                                window.kind().name().toLowerCase(Locale.ROOT)
                                                        + window.label()
                                                                .map(label -> ", label " + label)
                                                                .orElse("")))
                                        .stripTrailing())
                                .orElse("It has no built-in test window."));
        v.put("builder", DeploymentBuilder.VERSION);
        return firmwareReadme.render(v);
    }

    private static String relative(Path root, Path file) {
        return BundleWriter.slashes(root.toAbsolutePath()
                .normalize()
                .relativize(file.toAbsolutePath().normalize()));
    }
}
