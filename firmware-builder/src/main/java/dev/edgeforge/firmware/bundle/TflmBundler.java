package dev.edgeforge.firmware.bundle;

import dev.edgeforge.firmware.codegen.GeneratedLibrary;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.codegen.TflmProjectGenerator;
import dev.edgeforge.firmware.qemu.DeviceBanner;
import dev.edgeforge.firmware.qemu.DeviceErrorException;
import dev.edgeforge.firmware.qemu.QemuException;
import dev.edgeforge.firmware.qemu.QemuRunner;
import dev.edgeforge.firmware.qemu.QemuSession;
import dev.edgeforge.firmware.qemu.SerialProtocolClient;
import dev.edgeforge.firmware.qemu.SerialProtocolViolation;
import dev.edgeforge.firmware.tflm.TflmCheckout;
import dev.edgeforge.firmware.tflm.TflmLibrary;
import dev.edgeforge.firmware.tflm.TflmLibraryBuilder;
import dev.edgeforge.firmware.toolchain.BinaryTools;
import dev.edgeforge.firmware.toolchain.CompilationFailedException;
import dev.edgeforge.firmware.toolchain.FirmwareImage;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.firmware.toolchain.MapFileParser;
import dev.edgeforge.firmware.toolchain.ProcessResult;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import dev.edgeforge.firmware.toolchain.ToolNotFoundException;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.deploy.MemoryReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code tflm} bundle: a TensorFlow Lite Micro project for the board. With a TFLM checkout configured
 * ({@link DeploymentBuilder.Builder#optTflmDirectory}) the firmware builder compiles TFLM's framework and the model's
 * kernels itself ({@link TflmLibraryBuilder}, out of tree and cached), the project is linked against them with its own
 * Makefile, and the image and its memory report join the bundle; without one the bundle holds the project and its
 * README says how to build it.
 */
final class TflmBundler {

    private final FirmwareSources sources;
    private final Optional<Path> tflmDirectory;
    private final Path tflmObjects;
    private final ProcessRunner runner;
    private final BinaryTools binaryTools;
    private final MemoryReports memoryReports = new MemoryReports();

    TflmBundler(
            FirmwareSources sources,
            Optional<Path> tflmDirectory,
            Path tflmObjects,
            ProcessRunner runner,
            BinaryTools binaryTools) {
        this.sources = sources;
        this.tflmDirectory = tflmDirectory;
        this.tflmObjects = tflmObjects;
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
        TflmCheckout checkout;
        TflmLibrary tflm;
        try {
            checkout = TflmCheckout.open(tflmDirectory.get());
            tflm = TflmLibraryBuilder.armNoneEabi(checkout, tflmObjects, runner)
                    .build(board.compilerFlags(), project.operators());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a checkout or third-party headers that cannot serve: the operator's setup, said in its words
            throw new DeploymentBuildFailedException("the tflm build cannot compile TFLM: " + e.getMessage(), "", e);
        }
        // the bundle's own Makefile links the image, with the library and headers compiled above
        ProcessResult make = runner.run(
                project.directory(),
                List.of(
                        "make",
                        // silent and without `all`'s size table: what it prints is then the compiler's warnings
                        "-s",
                        "build/firmware.elf",
                        "build/firmware.bin",
                        "build/firmware.hex",
                        "TFLM_DIR=" + checkout.root(),
                        "TFLM_LIB=" + tflm.archive(),
                        "TFLM_INCLUDES=" + String.join(" ", tflm.includeFlags())));
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
            String markdown = memoryReports.markdown(memory, library.identity().name(), board)
                    + measuredArena(image.elf(), board, project.arenaBytes(), tflm);
            writer.writeText("MEMORY.md", markdown);
            return new DeploymentBuilder.Produced(writer, Optional.of(image.elf()), memory, make.output());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TFLM build's map file in " + build, e);
        }
    }

    /**
     * The arena TFLM really uses, measured by booting the image in QEMU where the board is emulated ({@code arena=}
     * in the banner: {@code arena_used_bytes()} after {@code AllocateTensors()}), as a MEMORY.md section; elsewhere
     * the section says the figure is the planned one.
     */
    private static String measuredArena(Path elf, Board board, int arenaBytes, TflmLibrary tflm) {
        StringBuilder text = new StringBuilder("\n## TensorFlow Lite Micro\n\n");
        text.append("Built against the configured TFLM checkout (reference kernels; third-party headers: ")
                .append(tflm.thirdParty().description())
                .append(").\n\n");
        if (!board.emulated()) {
            return text.append("`kTensorArenaSize` is ")
                    .append(arenaBytes)
                    .append(" bytes, planned (")
                    .append(board.name())
                    .append(" is not emulated, so TFLM's own figure was not measured).\n")
                    .toString();
        }
        OptionalInt used;
        try (QemuSession session =
                QemuRunner.builder().optTimeLimit(Duration.ofMinutes(2)).build().start(elf)) {
            SerialProtocolClient client = new SerialProtocolClient(session, Duration.ofSeconds(90));
            DeviceBanner banner = client.awaitReady();
            client.quit();
            used = banner.arenaUsedBytes();
        } catch (QemuException | SerialProtocolViolation | DeviceErrorException | ToolNotFoundException e) {
            // the deployment's verification runs the image again and reports the failure in full
            return text.append("The arena could not be measured: the image did not boot in QEMU (")
                    .append(e.getMessage())
                    .append(").\n")
                    .toString();
        }
        if (used.isEmpty()) {
            return text.append("The image did not report its arena (`arena=` in its banner).\n")
                    .toString();
        }
        return text.append("Tensor arena measured in QEMU (")
                .append(board.qemuMachine().orElseThrow())
                .append("): TFLM's `arena_used_bytes()` after `AllocateTensors()` is **")
                .append(used.getAsInt())
                .append(" bytes** of `kTensorArenaSize` = ")
                .append(arenaBytes)
                .append(" bytes.\n")
                .toString();
    }
}
