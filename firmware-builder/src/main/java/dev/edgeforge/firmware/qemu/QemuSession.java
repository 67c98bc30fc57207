package dev.edgeforge.firmware.qemu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One running QEMU: lines to the firmware's serial input, lines from its serial output, its exit code. A
 * watchdog kills QEMU when the run's time limit is reached, whatever the caller is doing. Close it to make sure
 * QEMU is gone.
 */
public final class QemuSession implements AutoCloseable {

    private final Process process;
    private final Duration timeLimit;
    private final OutputStream toFirmware;
    private final BlockingQueue<Optional<String>> fromFirmware = new LinkedBlockingQueue<>();
    private final List<String> transcript = Collections.synchronizedList(new ArrayList<>());
    private final StringBuffer diagnostics = new StringBuffer();
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private final Thread watchdog;
    private volatile boolean killedAtTimeLimit;
    private boolean ended;

    QemuSession(Process process, Duration timeLimit) {
        this.process = process;
        this.timeLimit = timeLimit;
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
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.ISO_8859_1))) {
            String line;
            while ((line = reader.readLine()) != null) {
                transcript.add(line);
                fromFirmware.add(Optional.of(line));
            }
        } catch (IOException e) {
            // QEMU was killed; the lines read so far stay available.
        } finally {
            fromFirmware.add(Optional.empty()); // end of output
        }
    }

    private void readDiagnostics(InputStream stream) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (diagnostics.length() < 64 * 1024) {
                    diagnostics.append(line).append('\n');
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
                throw new QemuTimeoutException("the firmware printed nothing within " + timeout.toMillis() + " ms",
                        transcript(), diagnostics());
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
            throw new QemuExitedException("could not send to the firmware: QEMU has ended", exitCodeOrMinusOne(),
                    transcript(), diagnostics());
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
            throw new QemuTimeoutException("the firmware printed no line within " + timeout.toMillis() + " ms",
                    transcript(), diagnostics());
        }
        if (line.isEmpty()) {
            ended = true;
            throw exited();
        }
        return line.get();
    }

    private QemuExitedException exited() {
        int code = awaitExitQuietly();
        String why = killedAtTimeLimit
                ? "QEMU was stopped at its time limit of " + timeLimit.toMillis() + " ms"
                : "QEMU exited with status " + code;
        return new QemuExitedException(why + " before the expected line", code, transcript(), diagnostics());
    }

    /**
     * Waits for QEMU to end and returns its exit status: the firmware's exit code when it left through semihosting.
     *
     * @throws QemuTimeoutException when QEMU is still running after {@code timeout}
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new QemuTimeoutException("QEMU did not exit within " + timeout.toMillis() + " ms",
                        transcript(), diagnostics());
            }
            stdoutReader.join(1000);
            stderrReader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for QEMU", e);
        }
        if (killedAtTimeLimit) {
            throw new QemuTimeoutException("QEMU was stopped at its time limit of " + timeLimit.toMillis() + " ms",
                    transcript(), diagnostics());
        }
        return process.exitValue();
    }

    private int awaitExitQuietly() {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return exitCodeOrMinusOne();
    }

    private int exitCodeOrMinusOne() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the watchdog stopped QEMU because the run reached its time limit. */
    public boolean killedAtTimeLimit() {
        return killedAtTimeLimit;
    }

    /** Every line the firmware has printed so far. */
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

    /** Stops QEMU if it still runs. */
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
    }
}
