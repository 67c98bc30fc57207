package dev.edgeforge.firmware.toolchain;

import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.KernelVariant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds a complete firmware image for a board: the application sources (generated model code, a main) with the
 * board's kernel variant, the board support code and its linker script, then .bin, .hex, sizes and the parsed map.
 */
public final class FirmwareCompiler {

    private final GccCompiler compiler;
    private final BinaryTools binaryTools;

    public FirmwareCompiler(GccCompiler compiler, BinaryTools binaryTools) {
        this.compiler = compiler;
        this.binaryTools = binaryTools;
    }

    /** arm-none-eabi-gcc from the PATH, every tool run limited to {@code runner}'s time limit. */
    public static FirmwareCompiler armNoneEabi(ProcessRunner runner) {
        Toolchain toolchain = Toolchain.armNoneEabi();
        return new FirmwareCompiler(new GccCompiler(toolchain, runner), new BinaryTools(toolchain, runner));
    }

    /**
     * @param buildDirectory a directory for this build alone; {@code firmware.elf/.bin/.hex/.map} are written there
     * @param applicationSources the application: at least one file with {@code main()}
     * @param applicationIncludeDirectories where the application's headers are (in addition to the source tree's)
     * @throws CompilationFailedException with the compiler's messages
     */
    public FirmwareImage build(
            Path buildDirectory,
            Board board,
            FirmwareSources sources,
            List<Path> applicationSources,
            List<Path> applicationIncludeDirectories) {
        return build(
                buildDirectory,
                board,
                board.kernelVariant(),
                sources,
                applicationSources,
                applicationIncludeDirectories);
    }

    /**
     * As {@link #build(Path, Board, FirmwareSources, List, List)} with another kernel variant than the board's own
     * (to run the reference kernels on the device, for comparison and tests).
     */
    public FirmwareImage build(
            Path buildDirectory,
            Board board,
            KernelVariant kernels,
            FirmwareSources sources,
            List<Path> applicationSources,
            List<Path> applicationIncludeDirectories) {
        CompileRequest request = CompileRequest.builder()
                .setOutputName("firmware.elf")
                .addSources(applicationSources)
                .addSources(sources.kernelSources(kernels))
                .addSources(sources.boardSources(board))
                .addIncludeDirectories(applicationIncludeDirectories)
                .addIncludeDirectory(sources.includeDirectory())
                .addIncludeDirectory(sources.kernelsDirectory())
                .addIncludeDirectory(sources.boardCommonDirectory())
                .addIncludeDirectory(sources.boardDirectory(board))
                .addFlags(CompilerFlags.FIRMWARE)
                .addFlags(board.compilerFlags())
                .addLibraryDirectory(sources.boardCommonDirectory())
                .optLinkerScript(sources.linkerScript(board))
                .addLinkerFlags(CompilerFlags.FIRMWARE_LINK)
                .addLibrary("m")
                .optMapFile(true)
                .build();
        CompileResult result = compiler.compile(buildDirectory, request);
        Path elf = result.executable();
        Path bin = binaryTools.toBinary(elf, buildDirectory.resolve("firmware.bin"));
        Path hex = binaryTools.toIntelHex(elf, buildDirectory.resolve("firmware.hex"));
        Path map = result.mapFile().orElseThrow();
        LinkerMap linkerMap;
        try {
            linkerMap = MapFileParser.parse(Files.readString(map));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the map file " + map, e);
        }
        return new FirmwareImage(board, elf, bin, hex, map, binaryTools.size(elf), linkerMap, result.compilerOutput());
    }
}
