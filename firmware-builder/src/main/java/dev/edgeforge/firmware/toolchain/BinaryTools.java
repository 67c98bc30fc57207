package dev.edgeforge.firmware.toolchain;

import java.nio.file.Path;
import java.util.List;

/** objcopy and size of a {@link Toolchain}: flashable images and section sizes from an ELF file. */
public final class BinaryTools {

    private final Toolchain toolchain;
    private final ProcessRunner runner;

    public BinaryTools(Toolchain toolchain, ProcessRunner runner) {
        this.toolchain = toolchain;
        this.runner = runner;
    }

    /** A raw binary image starting at the lowest loaded address (what drag-and-drop, st-flash, bossac take). */
    public Path toBinary(Path elf, Path output) {
        return objcopy(elf, output, "binary");
    }

    /** An Intel HEX image, which carries its load addresses (what STM32CubeProgrammer, nrfjprog take). */
    public Path toIntelHex(Path elf, Path output) {
        return objcopy(elf, output, "ihex");
    }

    public SizeReport size(Path elf) {
        ProcessResult result = runner.run(
                workingDirectory(elf),
                List.of(
                        toolchain.size().toString(),
                        "--format=berkeley",
                        elf.toAbsolutePath().toString()));
        if (!result.succeeded()) {
            throw new IllegalStateException("size failed on " + elf + ": " + result.output());
        }
        return SizeReport.parseBerkeley(result.output());
    }

    private Path objcopy(Path elf, Path output, String format) {
        ProcessResult result = runner.run(
                workingDirectory(elf),
                List.of(
                        toolchain.objcopy().toString(),
                        "-O",
                        format,
                        elf.toAbsolutePath().toString(),
                        output.toAbsolutePath().toString()));
        if (!result.succeeded()) {
            throw new IllegalStateException("objcopy -O " + format + " failed on " + elf + ": " + result.output());
        }
        return output;
    }

    private static Path workingDirectory(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".").toAbsolutePath();
    }
}
