package dev.edgeforge.firmware.qemu;

import java.util.List;

/**
 * A finished QEMU run.
 *
 * @param exitCode the firmware's exit status, as it reported it on its last serial line ({@code exit <status>})
 * @param lines every serial line the firmware printed before that report
 * @param diagnostics what QEMU printed on standard error
 */
public record QemuResult(int exitCode, List<String> lines, String diagnostics) {

    public QemuResult {
        lines = List.copyOf(lines);
    }
}
