package dev.edgeforge.firmware.qemu;

import java.util.List;

/**
 * QEMU ended (the firmware exited or faulted, the run hit its time limit or a resource limit) while a line or an exit
 * report was still expected.
 */
public class QemuExitedException extends QemuException {

    private final int exitCode;

    public QemuExitedException(String message, int exitCode, List<String> transcript, String diagnostics) {
        super(message, transcript, diagnostics);
        this.exitCode = exitCode;
    }

    /** The firmware's reported exit status, or -1 when it reported none (a crash, a limit, a kill). */
    public int exitCode() {
        return exitCode;
    }
}
