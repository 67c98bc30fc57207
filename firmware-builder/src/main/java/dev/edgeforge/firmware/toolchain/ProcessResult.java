package dev.edgeforge.firmware.toolchain;

import java.time.Duration;
import java.util.List;

/**
 * A finished external process.
 *
 * @param command what was run
 * @param exitCode its exit status
 * @param output standard output and standard error, interleaved as the process wrote them (possibly truncated
 *     to {@link ProcessRunner#MAX_CAPTURED_CHARS} characters)
 * @param elapsed wall-clock time
 */
public record ProcessResult(List<String> command, int exitCode, String output, Duration elapsed) {

    public ProcessResult {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }
}
