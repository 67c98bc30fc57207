package dev.edgeforge.firmware.qemu;

import dev.edgeforge.firmware.toolchain.ExecutableSearchPath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts firmware images in {@code qemu-system-arm}:
 * {@code qemu-system-arm -M netduinoplus2 -nographic -monitor none -icount shift=0
 * -semihosting-config enable=on,target=native -serial stdio -kernel firmware.elf}.
 *
 * <p>{@code -icount shift=0} ties virtual time to executed instructions (one per nanosecond), which makes the
 * instruction counts the firmware measures with TIM2 exact and repeatable; semihosting lets the firmware end QEMU
 * with its exit code; the first serial port is QEMU's stdin/stdout, so the session can write to the firmware's
 * UART receiver and read its transmitter. Built with {@link #builder()}.
 */
public final class QemuRunner {

    public static final String EXECUTABLE = "qemu-system-arm";
    static final String INSTALL = "sudo apt-get install qemu-system-arm";

    private final Path executable;
    private final String machine;
    private final Duration timeLimit;

    private QemuRunner(Builder builder) {
        this.executable = builder.executable != null
                ? builder.executable
                : ExecutableSearchPath.fromEnvironment().require(EXECUTABLE, INSTALL);
        this.machine = builder.machine;
        this.timeLimit = builder.timeLimit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The command line for an image (for logs and for people reproducing a run). */
    public List<String> command(Path kernel) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of("-M", machine, "-nographic", "-monitor", "none",
                "-icount", "shift=0",
                "-semihosting-config", "enable=on,target=native",
                "-serial", "stdio",
                "-kernel", kernel.toAbsolutePath().toString()));
        return command;
    }

    /** Starts QEMU on {@code kernel}; the caller talks to it through the session and closes it. */
    public QemuSession start(Path kernel) {
        if (!Files.isRegularFile(kernel)) {
            throw new IllegalArgumentException("no firmware image at " + kernel);
        }
        ProcessBuilder builder = new ProcessBuilder(command(kernel));
        Path directory = kernel.toAbsolutePath().getParent();
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        try {
            return new QemuSession(builder.start(), timeLimit);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + executable, e);
        }
    }

    /**
     * Runs {@code kernel}, sends {@code inputLines} one after the other, and waits for the firmware to exit.
     * When there is input, it is sent only after the firmware's first output line: QEMU's USART drops bytes that
     * arrive before the firmware has enabled its receiver, so firmware must announce itself before it reads (as
     * the line protocol's banner does).
     *
     * @throws QemuTimeoutException when the firmware does not exit within the time limit
     */
    public QemuResult run(Path kernel, List<String> inputLines) {
        try (QemuSession session = start(kernel)) {
            if (!inputLines.isEmpty()) {
                session.awaitOutput(timeLimit);
            }
            for (String line : inputLines) {
                session.sendLine(line);
            }
            int exitCode = session.awaitExit(timeLimit);
            return new QemuResult(exitCode, session.transcript(), session.diagnostics());
        }
    }

    public Duration timeLimit() {
        return timeLimit;
    }

    public static final class Builder {
        private Path executable;
        private String machine = "netduinoplus2";
        private Duration timeLimit = Duration.ofSeconds(30);

        private Builder() {
        }

        /** Default: {@code qemu-system-arm} from the PATH. */
        public Builder optExecutable(Path executable) {
            this.executable = executable;
            return this;
        }

        /** Default: {@code netduinoplus2}. */
        public Builder optMachine(String machine) {
            this.machine = machine;
            return this;
        }

        /** Wall-clock time after which QEMU is killed, whatever it is doing. Default: 30 s. */
        public Builder optTimeLimit(Duration timeLimit) {
            this.timeLimit = timeLimit;
            return this;
        }

        /** @throws dev.edgeforge.firmware.toolchain.ToolNotFoundException when QEMU is not installed */
        public QemuRunner build() {
            if (machine == null || machine.isBlank()) {
                throw new IllegalArgumentException("a QEMU machine is required");
            }
            if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
                throw new IllegalArgumentException("the QEMU time limit must be positive");
            }
            return new QemuRunner(this);
        }
    }
}
