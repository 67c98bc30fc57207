package dev.edgeforge.firmware.qemu;

import dev.edgeforge.firmware.toolchain.ExecutableSearchPath;
import dev.edgeforge.firmware.toolchain.ResourceLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts firmware images in {@code qemu-system-arm}, boxed:
 * {@code qemu-system-arm -M netduinoplus2 -accel tcg,tb-size=64 -nodefaults -display none -monitor none
 * -icount shift=0 -no-reboot -sandbox on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny
 * -serial stdio -kernel firmware.elf}, under {@link ResourceLimits#forEmulator} (prlimit), in a fresh empty working
 * directory, with an empty environment.
 *
 * <p>Why each part: the guest runs code derived from user input, so it gets no door to the host. There is no
 * semihosting (it would let the guest open host files and run host commands); the firmware reports its exit status
 * on the serial line and ends the run by requesting a system reset, which {@code -no-reboot} turns into QEMU's exit
 * (see {@link QemuSession#awaitExit}). {@code -sandbox} confines QEMU itself with seccomp: no new processes, no
 * privilege or scheduling changes. {@code -nodefaults} adds no devices besides the machine's own; the only I/O is the
 * first serial port on QEMU's stdin/stdout. {@code -icount shift=0} ties virtual time to executed instructions (one
 * per nanosecond), which makes the instruction counts the firmware measures with TIM2 exact and repeatable. The
 * translation buffer is 64 MiB instead of QEMU's default 1 GiB so that QEMU fits a modest address-space limit.
 * Built with {@link #builder()}.
 */
public final class QemuRunner {

    public static final String EXECUTABLE = "qemu-system-arm";
    static final String INSTALL = "sudo apt-get install qemu-system-arm";

    /** {@code -sandbox}: seccomp filters against what QEMU never needs to emulate a board. */
    static final String SANDBOX = "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny";

    /** The batch's file in QEMU's working directory (a fixed name: no path of the caller reaches the command line). */
    static final String BATCH_FILE = "batch.bin";

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

    /** The QEMU command line for an image (for logs and for people reproducing a run); prlimit wraps it. */
    public List<String> command(Path kernel) {
        return command(kernel, null);
    }

    /**
     * With a batch: {@code -device loader,file=batch.bin,addr=<region>,force-raw=on} (QEMU's generic loader, the file
     * in QEMU's own working directory) writes it into the image's free flash before the image boots; the guest still
     * has no way to the host (no semihosting).
     */
    private List<String> command(Path kernel, FlashBatchRegion region) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(
                "-M",
                machine,
                "-accel",
                "tcg,tb-size=64",
                "-nodefaults",
                "-display",
                "none",
                "-monitor",
                "none",
                "-icount",
                "shift=0",
                "-no-reboot",
                "-sandbox",
                SANDBOX,
                "-serial",
                "stdio",
                "-kernel",
                kernel.toAbsolutePath().toString()));
        if (region != null) {
            command.add("-device");
            command.add(
                    "loader,file=" + BATCH_FILE + ",addr=0x" + Long.toHexString(region.address()) + ",force-raw=on");
        }
        return command;
    }

    /**
     * Starts QEMU on {@code kernel}; the caller talks to it through the session and closes it.
     *
     * @throws dev.edgeforge.firmware.toolchain.ToolNotFoundException when prlimit (util-linux) is not installed
     */
    public QemuSession start(Path kernel) {
        return start(kernel, (byte[]) null, null);
    }

    /**
     * Starts QEMU on {@code kernel} with {@code batch} written into {@code region} (the image's free flash) before it
     * boots; the image's {@code batch} command then runs it.
     *
     * @throws IllegalArgumentException when the batch does not fit the region
     */
    public QemuSession start(Path kernel, FlashBatch batch, FlashBatchRegion region) {
        return start(kernel, batch == null ? null : batch.bytes(), region);
    }

    /** With {@code bytes} as they are in the region (tests write damaged batches). */
    QemuSession start(Path kernel, byte[] bytes, FlashBatchRegion region) {
        if (!Files.isRegularFile(kernel)) {
            throw new IllegalArgumentException("no firmware image at " + kernel);
        }
        if (bytes != null && bytes.length > region.bytes()) {
            throw new IllegalArgumentException("a batch of " + bytes.length + " bytes does not fit the image's "
                    + region.bytes() + " bytes of free flash");
        }
        List<String> boxed = ResourceLimits.forEmulator(timeLimit)
                .wrap(ResourceLimits.prlimit(), command(kernel, bytes == null ? null : region));
        Path directory = null;
        try {
            directory = Files.createTempDirectory("edgeforge-qemu-");
            if (bytes != null) {
                Files.write(directory.resolve(BATCH_FILE), bytes);
            }
        } catch (IOException e) {
            QemuSession.deleteTree(directory);
            throw new UncheckedIOException("could not create a working directory for QEMU", e);
        }
        ProcessBuilder builder = new ProcessBuilder(boxed).directory(directory.toFile());
        // Nothing of the builder's environment (database URLs, keys) is QEMU's business.
        builder.environment().clear();
        builder.environment().put("LC_ALL", "C");
        try {
            return new QemuSession(builder.start(), timeLimit, directory);
        } catch (IOException e) {
            QemuSession.deleteTree(directory);
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
     * @throws QemuExitedException when QEMU ends without the firmware reporting its exit status
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

        private Builder() {}

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
            if (machine == null || !machine.matches("[a-z0-9][a-z0-9.-]*")) {
                throw new IllegalArgumentException("a QEMU machine name (lower-case letters, digits, '.', '-') is"
                        + " required, got '" + machine + "'");
            }
            if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
                throw new IllegalArgumentException("the QEMU time limit must be positive");
            }
            return new QemuRunner(this);
        }
    }
}
