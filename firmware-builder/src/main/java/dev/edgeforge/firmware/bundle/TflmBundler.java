package dev.edgeforge.firmware.bundle;

import dev.edgeforge.firmware.codegen.GeneratedLibrary;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.codegen.TflmProjectGenerator;
import dev.edgeforge.firmware.toolchain.BinaryTools;
import dev.edgeforge.firmware.toolchain.CompilationFailedException;
import dev.edgeforge.firmware.toolchain.FirmwareImage;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.firmware.toolchain.MapFileParser;
import dev.edgeforge.firmware.toolchain.ProcessResult;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.deploy.MemoryReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code tflm} bundle: a TensorFlow Lite Micro project for the board. With a TFLM checkout configured
 * ({@link DeploymentBuilder.Builder#optTflmDirectory}) the project is built with its own Makefile and the image and
 * its memory report join the bundle; without one the bundle holds the project and its README says how to build it.
 */
final class TflmBundler {

    private final FirmwareSources sources;
    private final Optional<Path> tflmDirectory;
    private final ProcessRunner runner;
    private final BinaryTools binaryTools;
    private final MemoryReports memoryReports = new MemoryReports();

    TflmBundler(FirmwareSources sources, Optional<Path> tflmDirectory, ProcessRunner runner, BinaryTools binaryTools) {
        this.sources = sources;
        this.tflmDirectory = tflmDirectory;
        this.runner = runner;
        this.binaryTools = binaryTools;
    }

    DeploymentBuilder.Produced bundle(
            BuildRequest request, Board board, GeneratedLibrary library, Path directory, BundleWriter writer) {
        TflmProjectGenerator.TflmProject project = new TflmProjectGenerator(sources)
                .generate(
                        library,
                        board,
                        request.bootWindow()
                                .filter(window -> window.kind() != TestWindow.Kind.RAW
                                        || library.impulse().isPresent()),
                        directory.resolve("tflm"));
        writer.copyTree(project.directory(), ".");
        MemoryReport planned = new MemoryReport(
                board.id(),
                library.constantBytes(),
                project.arenaBytes(),
                library.plan().lowerBound(),
                Optional.empty());
        if (tflmDirectory.isEmpty()) {
            writer.writeText(
                    "MEMORY.md",
                    memoryReports.unbuiltTflmMarkdown(
                            planned, library.identity().name(), board));
            return new DeploymentBuilder.Produced(writer, Optional.empty(), planned, "");
        }
        ProcessResult make = runner.run(
                project.directory(),
                List.of("make", "TFLM_DIR=" + tflmDirectory.get().toAbsolutePath()));
        if (!make.succeeded()) {
            throw new CompilationFailedException("building the TFLM project with make", make.exitCode(), make.output());
        }
        Path build = project.directory().resolve("build");
        try {
            FirmwareImage image = new FirmwareImage(
                    board,
                    build.resolve("firmware.elf"),
                    build.resolve("firmware.bin"),
                    build.resolve("firmware.hex"),
                    build.resolve("firmware.map"),
                    binaryTools.size(build.resolve("firmware.elf")),
                    MapFileParser.parse(Files.readString(build.resolve("firmware.map"))),
                    make.output());
            writer.copyFile(image.elf(), "firmware.elf");
            writer.copyFile(image.bin(), "firmware.bin");
            writer.copyFile(image.hex(), "firmware.hex");
            MemoryReport memory = new MemoryReport(
                    board.id(),
                    library.constantBytes(),
                    project.arenaBytes(),
                    library.plan().lowerBound(),
                    MemoryReports.of(board, library, Optional.of(image)).image());
            writer.writeText(
                    "MEMORY.md",
                    memoryReports.markdown(memory, library.identity().name(), board));
            return new DeploymentBuilder.Produced(writer, Optional.of(image.elf()), memory, make.output());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TFLM build's map file in " + build, e);
        }
    }
}
