package dev.edgeforge.firmware.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {

    @TempDir
    Path directory;

    @Test
    void capturesStdoutAndStderrAndTheExitCodeInTheGivenDirectory() {
        ProcessResult result = new ProcessRunner(Duration.ofSeconds(10))
                .run(directory, List.of("sh", "-c", "echo out; echo err >&2; pwd; exit 3"));
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).contains("out", "err", realPath(directory));
    }

    @Test
    void killsAToolThatOutlivesItsTimeLimitWithItsChildren() throws InterruptedException {
        long start = System.nanoTime();
        ToolTimeoutException timeout = catchThrowableOfType(
                () -> new ProcessRunner(Duration.ofMillis(500))
                        .run(directory, List.of("sh", "-c", "sleep 30 & echo child $!; sleep 30; wait")),
                ToolTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(timeout.timeLimit()).isEqualTo(Duration.ofMillis(500));
        assertThat(timeout.getMessage()).contains("sh", "500 ms");
        Matcher child = Pattern.compile("child (\\d+)").matcher(timeout.output());
        assertThat(child.find())
                .as("the shell reported its child: " + timeout.output())
                .isTrue();
        long pid = Long.parseLong(child.group(1));
        for (int i = 0;
                i < 40 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                i++) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("the background child was killed too")
                .isFalse();
    }

    @Test
    void aMissingProgramIsAnIoError() {
        assertThatThrownBy(() -> new ProcessRunner(Duration.ofSeconds(5)).run(directory, List.of("/nonexistent/tool")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("/nonexistent/tool");
    }

    @Test
    void toolsRunInsideTheirResourceLimits() {
        // the wall-clock limit is only a guard here: on a loaded machine 3 s of CPU can take far longer than 10 s
        ProcessRunner runner =
                new ProcessRunner(Duration.ofMinutes(5), Map.of(), new ResourceLimits(3, 256L << 20, 1L << 20));
        ProcessResult limits = runner.run(directory, List.of("sh", "-c", "ulimit -t; ulimit -v; ulimit -f; ulimit -c"));
        assertThat(limits.output().lines()).containsExactly("3", Long.toString(256 * 1024), "2048", "0");

        ProcessResult spin = runner.run(directory, List.of("sh", "-c", "while :; do :; done"));
        assertThat(spin.succeeded()).isFalse();
        assertThat(spin.output()).contains("sh was stopped at its CPU time limit of 3 s");

        ProcessResult big = runner.run(directory, List.of("sh", "-c", "head -c 2000000 /dev/zero > big.bin"));
        assertThat(big.succeeded()).isFalse();
        assertThat(directory.resolve("big.bin")).hasSize(1L << 20);
    }

    @Test
    void theDefaultLimitsFollowTheTimeLimit() {
        assertThat(new ProcessRunner(Duration.ofSeconds(30)).limits())
                .isEqualTo(new ResourceLimits(40, 4096L << 20, 512L << 20));
        assertThat(ResourceLimits.forEmulator(Duration.ofMillis(1500))
                        .wrap(Path.of("/usr/bin/prlimit"), List.of("qemu-system-arm", "-M", "netduinoplus2")))
                .containsExactly(
                        "/usr/bin/prlimit",
                        "--cpu=12:17",
                        "--as=" + (512L << 20),
                        "--fsize=0",
                        "--core=0",
                        "--",
                        "qemu-system-arm",
                        "-M",
                        "netduinoplus2");
    }

    private static String realPath(Path path) {
        try {
            return path.toRealPath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void rejectsANonPositiveTimeLimit() {
        assertThatThrownBy(() -> new ProcessRunner(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
