package dev.edgeforge.firmware.toolchain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external tool in a directory with a time limit, capturing everything it prints. On timeout the tool and
 * all its descendants (gcc spawns cc1, as, collect2, ld) are killed.
 */
public final class ProcessRunner {

    /** Output beyond this is dropped (a runaway tool must not exhaust memory); a marker says so. */
    public static final int MAX_CAPTURED_CHARS = 1 << 20;

    private final Duration timeLimit;
    private final Map<String, String> environment;

    /** @param timeLimit how long a tool may run before it is killed */
    public ProcessRunner(Duration timeLimit) {
        this(timeLimit, Map.of("LC_ALL", "C"));
    }

    /**
     * @param timeLimit how long a tool may run before it is killed
     * @param environment variables added to the inherited environment (by default {@code LC_ALL=C}, so compiler
     *     messages are plain ASCII and the same on every machine)
     */
    public ProcessRunner(Duration timeLimit, Map<String, String> environment) {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive, got " + timeLimit);
        }
        this.timeLimit = timeLimit;
        this.environment = Map.copyOf(environment);
    }

    public Duration timeLimit() {
        return timeLimit;
    }

    /**
     * @throws ToolTimeoutException when the tool outlives the time limit
     * @throws UncheckedIOException when the tool cannot be started
     */
    public ProcessResult run(Path workingDirectory, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command)
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
        return new ProcessResult(command, process.exitValue(), collector.text(),
                Duration.ofNanos(System.nanoTime() - start));
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
