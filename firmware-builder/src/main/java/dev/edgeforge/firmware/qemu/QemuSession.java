package dev.edgeforge.firmware.qemu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One running QEMU: lines to the firmware's serial input, lines from its serial output, the firmware's exit status.
 * A watchdog kills QEMU when the run's time limit is reached, whatever the caller is doing; a firmware that prints
 * more than {@value #MAX_OUTPUT_CHARS} characters is stopped too. Close it to make sure QEMU is gone and its working
 * directory deleted.
 *
 * <p>The exit status: a firmware ends by printing {@code exit <status>} and requesting a system reset, which ends
 * QEMU (run with {@code -no-reboot}). That line, when it is the last one before QEMU ends by itself, is the status;
 * it is not part of the transcript.
 */
public final class QemuSession implements AutoCloseable {

    /** Serial output kept at most; a firmware printing more is stopped (it is looping, not answering). */
    public static final int MAX_OUTPUT_CHARS = 8 << 20;

    private static final Pattern EXIT_LINE = Pattern.compile("exit (-?[0-9]{1,10})");

    private final Process process;
    private final Duration timeLimit;
    private final Path workingDirectory;
    private final OutputStream toFirmware;
    private final BlockingQueue<Optional<String>> fromFirmware = new LinkedBlockingQueue<>();
    private final List<String> transcript = Collections.synchronizedList(new ArrayList<>());
    private final StringBuffer diagnostics = new StringBuffer();
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private final Thread watchdog;
    private volatile boolean killedAtTimeLimit;
    private volatile boolean killedForOutput;
    /** The status the firmware reported in its last line; set by the reader at the end of the output. */
    private volatile OptionalInt reportedStatus = OptionalInt.empty();

    private boolean ended;

    QemuSession(Process process, Duration timeLimit, Path workingDirectory) {
        this.process = process;
        this.timeLimit = timeLimit;
        this.workingDirectory = workingDirectory;
        this.toFirmware = process.getOutputStream();
        this.stdoutReader = daemon("qemu serial output", () -> readLines(process.getInputStream()));
        this.stderrReader = daemon("qemu diagnostics", () -> readDiagnostics(process.getErrorStream()));
        this.watchdog = daemon("qemu watchdog", this::enforceTimeLimit);
        stdoutReader.start();
        stderrReader.start();
        watchdog.start();
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private void readLines(InputStream stream) {
        // The UART carries bytes; ISO-8859-1 maps each to one char, so nothing is lost or rejected.
        try (Reader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.ISO_8859_1))) {
            StringBuilder line = new StringBuilder();
            String pending = null; // a line that looks like the exit report: held until we know whether it is last
            long total = 0;
            int c;
            while ((c = reader.read()) >= 0) {
                if (++total > MAX_OUTPUT_CHARS) {
                    killedForOutput = true;
                    kill();
                    break;
                }
                if (c != '\n') {
                    line.append((char) c);
                    continue;
                }
                if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
                    line.setLength(line.length() - 1);
                }
                if (pending != null) {
                    deliver(pending);
                    pending = null;
                }
                if (EXIT_LINE.matcher(line).matches()) {
                    pending = line.toString();
                } else {
                    deliver(line.toString());
                }
                line.setLength(0);
            }
            if (pending != null && line.isEmpty() && !killedForOutput) {
                Matcher exit = EXIT_LINE.matcher(pending);
                reportedStatus = exit.matches() ? parseStatus(exit.group(1)) : OptionalInt.empty();
                if (reportedStatus.isEmpty()) {
                    deliver(pending);
                }
            } else if (pending != null) {
                deliver(pending);
            }
            if (!line.isEmpty()) {
                deliver(line.toString()); // an unfinished last line
            }
        } catch (IOException e) {
            // QEMU was killed; the lines read so far stay available.
        } finally {
            fromFirmware.add(Optional.empty()); // end of output
        }
    }

    private static OptionalInt parseStatus(String digits) {
        try {
            return OptionalInt.of(Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private void deliver(String line) {
        transcript.add(line);
        fromFirmware.add(Optional.of(line));
    }

    private void readDiagnostics(InputStream stream) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            char[] buffer = new char[4096];
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                if (diagnostics.length() < 64 * 1024) {
                    diagnostics.append(buffer, 0, Math.min(n, 64 * 1024 - diagnostics.length()));
                }
            }
        } catch (IOException e) {
            // QEMU was killed.
        }
    }

    private void enforceTimeLimit() {
        try {
            if (!process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                killedAtTimeLimit = true;
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the firmware has printed at least one line, without consuming it: {@link #readLine} still returns
     * it. Input sent before the firmware enables its UART receiver is lost, so send only after this (or after
     * reading a line).
     *
     * @throws QemuTimeoutException when nothing is printed within {@code timeout}
     */
    public void awaitOutput(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (transcript.isEmpty() && process.isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new QemuTimeoutException(
                        "the firmware printed nothing within " + timeout.toMillis() + " ms",
                        transcript(),
                        diagnostics());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the firmware", e);
            }
        }
    }

    /**
     * Sends one line (a {@code \n} is appended) to the firmware's serial input. Send only once the firmware has
     * printed something (see {@link #awaitOutput}).
     */
    public void sendLine(String line) {
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a line must not contain a line break");
        }
        try {
            toFirmware.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
            toFirmware.flush();
        } catch (IOException e) {
            throw new QemuExitedException(
                    "could not send to the firmware: QEMU has ended", statusOrMinusOne(), transcript(), diagnostics());
        }
    }

    /**
     * Sends bytes as they are to the firmware's serial input (binary frames). Send only once the firmware has printed
     * something (see {@link #awaitOutput}).
     */
    public void send(byte[] bytes) {
        try {
            toFirmware.write(bytes);
            toFirmware.flush();
        } catch (IOException e) {
            throw new QemuExitedException(
                    "could not send to the firmware: QEMU has ended", statusOrMinusOne(), transcript(), diagnostics());
        }
    }

    /**
     * The next line the firmware printed.
     *
     * @throws QemuTimeoutException when no complete line arrives within {@code timeout}
     * @throws QemuExitedException when QEMU has ended and every line has been read
     */
    public String readLine(Duration timeout) {
        if (ended) {
            throw exited();
        }
        Optional<String> line;
        try {
            line = fromFirmware.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the firmware", e);
        }
        if (line == null) {
            throw new QemuTimeoutException(
                    "the firmware printed no line within " + timeout.toMillis() + " ms", transcript(), diagnostics());
        }
        if (line.isEmpty()) {
            ended = true;
            throw exited();
        }
        return line.get();
    }

    private QemuExitedException exited() {
        awaitEndQuietly();
        return new QemuExitedException(
                why() + " before the expected line", statusOrMinusOne(), transcript(), diagnostics());
    }

    /** How the run ended, for messages. */
    private String why() {
        if (killedAtTimeLimit) {
            return "QEMU was stopped at its time limit of " + timeLimit.toMillis() + " ms";
        }
        if (killedForOutput) {
            return "QEMU was stopped: the firmware printed more than " + MAX_OUTPUT_CHARS + " characters";
        }
        if (process.isAlive()) {
            return "the firmware's output ended";
        }
        OptionalInt status = firmwareStatus();
        return status.isPresent()
                ? "the firmware exited with status " + status.getAsInt()
                : "QEMU ended with status " + process.exitValue() + " without the firmware reporting an exit status";
    }

    /**
     * Waits for QEMU to end and returns the firmware's exit status, as it reported it on its last line.
     *
     * @throws QemuTimeoutException when QEMU is still running after {@code timeout} or was stopped at its time limit
     * @throws QemuExitedException when QEMU ended without the firmware reporting a status (a crash, a resource
     *     limit, too much output)
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new QemuTimeoutException(
                        "QEMU did not exit within " + timeout.toMillis() + " ms", transcript(), diagnostics());
            }
            stdoutReader.join(1000);
            stderrReader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for QEMU", e);
        }
        if (killedAtTimeLimit) {
            throw new QemuTimeoutException(
                    "QEMU was stopped at its time limit of " + timeLimit.toMillis() + " ms",
                    transcript(),
                    diagnostics());
        }
        OptionalInt status = firmwareStatus();
        if (status.isEmpty()) {
            throw new QemuExitedException(why(), -1, transcript(), diagnostics());
        }
        return status.getAsInt();
    }

    /** The reported status, when QEMU ended by itself (the reset request) and the reader has seen the end. */
    private OptionalInt firmwareStatus() {
        if (process.isAlive()
                || killedAtTimeLimit
                || killedForOutput
                || process.exitValue() != 0
                || stdoutReader.isAlive()) {
            return OptionalInt.empty();
        }
        return reportedStatus;
    }

    private void awaitEndQuietly() {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
            stdoutReader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int statusOrMinusOne() {
        return firmwareStatus().orElse(-1);
    }

    /** QEMU's process id (for diagnostics: its limits, working directory and environment under /proc). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the watchdog stopped QEMU because the run reached its time limit. */
    public boolean killedAtTimeLimit() {
        return killedAtTimeLimit;
    }

    /** Every line the firmware has printed so far (without the final exit report). */
    public List<String> transcript() {
        synchronized (transcript) {
            return List.copyOf(transcript);
        }
    }

    /** What QEMU printed on standard error so far. */
    public String diagnostics() {
        return diagnostics.toString();
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Stops QEMU if it still runs and deletes its working directory. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            stdoutReader.join(1000);
            stderrReader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.interrupt();
        deleteTree(workingDirectory);
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete QEMU's working directory " + root, e);
        }
    }
}
