package dev.edgeforge.firmware.toolchain;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external tool in a directory with a time limit, capturing everything it prints (up to a cap), inside
 * {@link ResourceLimits} (CPU time, memory, size of the files it writes). On timeout the tool and all its
 * descendants (gcc spawns cc1, as, collect2, ld) are killed. Every tool the firmware builder starts goes through
 * here, except QEMU, which {@code QemuRunner} boxes the same way.
 */
public final class ProcessRunner {

    /** Output beyond this is dropped (a runaway tool must not exhaust memory); a marker says so. */
    public static final int MAX_CAPTURED_CHARS = 1 << 20;

    private final Duration timeLimit;
    private final Map<String, String> environment;
    private final ResourceLimits limits;

    /** @param timeLimit how long a tool may run before it is killed; limits {@link ResourceLimits#forTools} */
    public ProcessRunner(Duration timeLimit) {
        this(timeLimit, Map.of("LC_ALL", "C"));
    }

    /**
     * @param timeLimit how long a tool may run before it is killed
     * @param environment variables added to the inherited environment (by default {@code LC_ALL=C}, so compiler
     *     messages are plain ASCII and the same on every machine)
     */
    public ProcessRunner(Duration timeLimit, Map<String, String> environment) {
        this(timeLimit, environment, ResourceLimits.forTools(positive(timeLimit)));
    }

    /** As {@link #ProcessRunner(Duration, Map)} with other resource limits. */
    public ProcessRunner(Duration timeLimit, Map<String, String> environment, ResourceLimits limits) {
        this.timeLimit = positive(timeLimit);
        this.environment = Map.copyOf(environment);
        this.limits = limits;
    }

    private static Duration positive(Duration timeLimit) {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive, got " + timeLimit);
        }
        return timeLimit;
    }

    public ResourceLimits limits() {
        return limits;
    }

    public Duration timeLimit() {
        return timeLimit;
    }

    /**
     * @throws ToolTimeoutException when the tool outlives the time limit
     * @throws ToolNotFoundException when {@code prlimit} (util-linux), which applies the limits, is not installed
     * @throws UncheckedIOException when the tool cannot be started
     */
    public ProcessResult run(Path workingDirectory, List<String> command) {
        requireExecutable(command.get(0), workingDirectory);
        ProcessBuilder builder = new ProcessBuilder(limits.wrap(ResourceLimits.prlimit(), command))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.get(0) + " in " + workingDirectory, e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // The tool reads no input; a closed pipe on its side is fine.
        }
        OutputCollector collector = new OutputCollector(process.getInputStream());
        Thread reader = new Thread(collector, "output of " + command.get(0));
        reader.setDaemon(true);
        reader.start();
        try {
            boolean finished = process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                killTree(process);
                reader.join(1000);
                throw new ToolTimeoutException(command, timeLimit, collector.text());
            }
            reader.join();
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
        int exitValue = process.exitValue();
        String stopped = limits.explain(exitValue);
        String output = stopped.isEmpty()
                ? collector.text()
                : collector.text() + "\n[" + command.get(0) + " was " + stopped + "]\n";
        return new ProcessResult(command, exitValue, output, Duration.ofNanos(System.nanoTime() - start));
    }

    /** prlimit would report a missing program only as exit status 127; say it plainly before starting. */
    private static void requireExecutable(String program, Path workingDirectory) {
        boolean found = program.contains("/")
                ? Files.isExecutable(workingDirectory.resolve(program))
                : ExecutableSearchPath.fromEnvironment().find(program).isPresent();
        if (!found) {
            throw new UncheckedIOException(
                    "could not start " + program + " in " + workingDirectory,
                    new FileNotFoundException(program + " is not an executable file"));
        }
    }

    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drains a process's output so it never blocks on a full pipe, keeping at most MAX_CAPTURED_CHARS. */
    private static final class OutputCollector implements Runnable {
        private final InputStream stream;
        private final StringBuilder text = new StringBuilder();
        private boolean truncated;

        OutputCollector(InputStream stream) {
            this.stream = stream;
        }

        @Override
        public void run() {
            char[] buffer = new char[8192];
            try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                int n;
                while ((n = reader.read(buffer)) >= 0) {
                    append(buffer, n);
                }
            } catch (IOException e) {
                // The process was killed or closed its output; what was read so far is kept.
            }
        }

        private synchronized void append(char[] buffer, int n) {
            int room = MAX_CAPTURED_CHARS - text.length();
            if (room > 0) {
                text.append(buffer, 0, Math.min(n, room));
            }
            if (n > room) {
                truncated = true;
            }
        }

        synchronized String text() {
            return truncated ? text + "\n[output truncated]\n" : text.toString();
        }
    }
}
