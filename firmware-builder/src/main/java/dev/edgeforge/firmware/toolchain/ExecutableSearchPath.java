package dev.edgeforge.firmware.toolchain;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The directories searched for executables, in order (normally the {@code PATH} environment variable).
 *
 * @param directories where to look
 */
public record ExecutableSearchPath(List<Path> directories) {

    public ExecutableSearchPath {
        directories = List.copyOf(directories);
    }

    public static ExecutableSearchPath fromEnvironment() {
        return parse(System.getenv().getOrDefault("PATH", ""));
    }

    /** Parses a {@code PATH}-style list separated by {@link File#pathSeparator}. */
    public static ExecutableSearchPath parse(String pathVariable) {
        return new ExecutableSearchPath(Arrays.stream(pathVariable.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .toList());
    }

    public Optional<Path> find(String executable) {
        return directories.stream()
                .map(directory -> directory.resolve(executable))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }

    /** @throws ToolNotFoundException naming {@code installCommand} when the executable is not found */
    public Path require(String executable, String installCommand) {
        return find(executable).orElseThrow(() -> new ToolNotFoundException(executable, describe(), installCommand));
    }

    private String describe() {
        return directories.isEmpty()
                ? "the PATH is empty"
                : "searched "
                        + directories.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
