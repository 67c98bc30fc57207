package dev.edgeforge.firmware.toolchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles and links C sources with a gcc {@link Toolchain}, in a build directory of its own: objects go to
 * {@code <build>/obj/} (one per source, named after it, so the map file attributes every byte to a source), the
 * executable and its map to {@code <build>/}. Each step runs under the {@link ProcessRunner}'s time limit.
 */
public final class GccCompiler {

    private final Toolchain toolchain;
    private final ProcessRunner runner;

    public GccCompiler(Toolchain toolchain, ProcessRunner runner) {
        this.toolchain = toolchain;
        this.runner = runner;
    }

    public Toolchain toolchain() {
        return toolchain;
    }

    /**
     * @throws CompilationFailedException with the compiler's messages when a source does not compile or the
     *     link fails
     * @throws ToolTimeoutException when a step exceeds the time limit
     */
    public CompileResult compile(Path buildDirectory, CompileRequest request) {
        Path objectDirectory = buildDirectory.resolve("obj");
        try {
            Files.createDirectories(objectDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create build directory " + objectDirectory, e);
        }
        StringBuilder messages = new StringBuilder();

        List<String> compile = new ArrayList<>();
        compile.add(toolchain.compiler().toString());
        compile.add("-c");
        compile.addAll(request.flags());
        request.includeDirectories().forEach(directory -> compile.add("-I" + directory.toAbsolutePath()));
        request.sources().forEach(source -> compile.add(source.toAbsolutePath().toString()));
        // gcc -c with several sources writes each object into the working directory, named after its source.
        ProcessResult compiled = runner.run(objectDirectory, compile);
        messages.append(compiled.output());
        if (!compiled.succeeded()) {
            throw new CompilationFailedException(
                    "compiling with " + toolchain.name(), compiled.exitCode(), compiled.output());
        }

        Path executable = buildDirectory.resolve(request.outputName()).toAbsolutePath();
        Optional<Path> mapFile = request.mapFile()
                ? Optional.of(buildDirectory
                        .resolve(baseName(request.outputName()) + ".map")
                        .toAbsolutePath())
                : Optional.empty();
        List<String> link = new ArrayList<>();
        link.add(toolchain.compiler().toString());
        link.addAll(request.flags());
        request.sources()
                .forEach(source -> link.add(objectDirectory
                        .resolve(CompileRequest.objectName(source))
                        .toAbsolutePath()
                        .toString()));
        link.add("-o");
        link.add(executable.toString());
        request.libraryDirectories().forEach(directory -> link.add("-L" + directory.toAbsolutePath()));
        request.linkerScript().ifPresent(script -> link.add("-T" + script.toAbsolutePath()));
        link.addAll(request.linkerFlags());
        mapFile.ifPresent(map -> link.add("-Wl,-Map=" + map));
        request.libraries().forEach(library -> link.add("-l" + library));
        ProcessResult linked = runner.run(buildDirectory, link);
        messages.append(linked.output());
        if (!linked.succeeded()) {
            throw new CompilationFailedException(
                    "linking with " + toolchain.name(), linked.exitCode(), linked.output());
        }
        return new CompileResult(
                executable, mapFile, messages.toString(), compiled.elapsed().plus(linked.elapsed()));
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** How long each step may take. */
    public Duration timeLimit() {
        return runner.timeLimit();
    }
}
