package dev.edgeforge.firmware.bundle;

import dev.edgeforge.jobs.deploy.DeploymentFormat;
import dev.edgeforge.jobs.deploy.MemoryReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A finished deployment build.
 *
 * @param bundle         the ZIP to download
 * @param bundleSha256   its SHA-256 (lower-case hex)
 * @param format         what it contains
 * @param boardId        the target board
 * @param firmwareElf    the linked image, for formats that build one the user downloads ({@code firmware}) and
 *                       for {@code c-library}, whose sources are proven by linking them for the board; what
 *                       {@code QemuVerifier} runs for the emulated board
 * @param memoryReport   flash and RAM by section, arena vs lower bound
 * @param compilerOutput warnings the compiler printed (empty when clean)
 * @param cacheKey       SHA-256 over every input and the builder version
 * @param fromCache      whether this result was reused from an earlier identical build
 * @param elapsed        how long this call took
 */
public record BuildResult(
        Path bundle,
        String bundleSha256,
        DeploymentFormat format,
        String boardId,
        Optional<Path> firmwareElf,
        MemoryReport memoryReport,
        String compilerOutput,
        String cacheKey,
        boolean fromCache,
        Duration elapsed) {}
