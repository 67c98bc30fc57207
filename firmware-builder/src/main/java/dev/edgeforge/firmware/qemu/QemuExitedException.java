package dev.edgeforge.firmware.qemu;

import java.util.List;

/** QEMU ended (the firmware exited, faulted, or the run hit its time limit) while a line was still expected. */
public class QemuExitedException extends QemuException {

    private final int exitCode;

    public QemuExitedException(String message, int exitCode, List<String> transcript, String diagnostics) {
        super(message, transcript, diagnostics);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
