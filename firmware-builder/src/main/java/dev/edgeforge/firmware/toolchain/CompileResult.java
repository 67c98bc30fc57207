package dev.edgeforge.firmware.toolchain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A successful compile and link.
 *
 * @param executable the linked executable (ELF)
 * @param mapFile the linker map, when requested
 * @param compilerOutput warnings and notes printed by the compiler and the linker (empty when clean)
 * @param elapsed wall-clock time of both steps
 */
public record CompileResult(Path executable, Optional<Path> mapFile, String compilerOutput, Duration elapsed) {}
