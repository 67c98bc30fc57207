package dev.edgeforge.firmware.dsp;

import dev.edgeforge.firmware.toolchain.ProcessResult;
import dev.edgeforge.firmware.toolchain.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles and runs C on the build machine with the host gcc, for the DSP parity tests and the MFCC benchmark (the
 * device builds with arm-none-eabi-gcc are the firmware builder's business). Test code, shipped in firmware-builder's
 * test-jar for the benchmarks.
 */
public final class HostGcc {

    /** Flags every DSP twin must pass on the host. */
    public static final List<String> FLAGS = List.of("-std=c99", "-O2", "-Wall", "-Wextra", "-Werror");

    private HostGcc() {}

    /**
     * The {@code src/main/c} folder of firmware-builder: the {@code edgeforge.c.sources} system property, else
     * {@code src/main/c} or {@code firmware-builder/src/main/c} under the working directory.
     */
    public static Path cSourceRoot() {
        String configured = System.getProperty("edgeforge.c.sources");
        List<Path> candidates = configured != null
                ? List.of(Path.of(configured))
                : List.of(Path.of("src/main/c"), Path.of("firmware-builder/src/main/c"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("dsp/ef_dsp_fft.c"))) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("cannot find the DSP C sources (looked in " + candidates
                + "); set -Dedgeforge.c.sources=<firmware-builder>/src/main/c");
    }

    /** {@code gcc FLAGS extra… -I… sources… -o output -lm}; throws with the compiler's messages on failure. */
    public static void build(Path output, List<Path> sources, List<Path> includes, List<String> extraFlags) {
        List<String> command = new ArrayList<>(List.of("gcc"));
        command.addAll(FLAGS);
        command.addAll(extraFlags);
        for (Path include : includes) {
            command.add("-I" + include);
        }
        for (Path source : sources) {
            command.add(source.toString());
        }
        command.addAll(List.of("-o", output.toString(), "-lm"));
        run(command, output.getParent(), 120);
    }

    /** Compiles one source to an object file. */
    public static void compileObject(Path output, Path source, List<Path> includes, List<String> extraFlags) {
        List<String> command = new ArrayList<>(List.of("gcc"));
        command.addAll(FLAGS);
        command.addAll(extraFlags);
        for (Path include : includes) {
            command.add("-I" + include);
        }
        command.addAll(List.of("-c", source.toString(), "-o", output.toString()));
        run(command, output.getParent(), 120);
    }

    /**
     * Runs a command in the firmware builder's box ({@link ProcessRunner}: time, CPU, memory and file size limits),
     * returns its standard output and error; throws if it fails or outlives the timeout.
     */
    public static String run(List<String> command, Path workDir, long timeoutSeconds) {
        ProcessResult result = new ProcessRunner(Duration.ofSeconds(timeoutSeconds)).run(workDir, command);
        if (!result.succeeded()) {
            throw new IllegalStateException(
                    "exit " + result.exitCode() + " from " + String.join(" ", command) + "\n" + result.output());
        }
        return result.output();
    }
}
