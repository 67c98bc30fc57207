package dev.edgeforge.firmware.qemu;

import java.util.List;

/**
 * A finished QEMU run.
 *
 * @param exitCode the firmware's exit code (semihosting {@code SYS_EXIT_EXTENDED})
 * @param lines every serial line the firmware printed
 * @param diagnostics what QEMU printed on standard error
 */
public record QemuResult(int exitCode, List<String> lines, String diagnostics) {

    public QemuResult {
        lines = List.copyOf(lines);
    }
}
