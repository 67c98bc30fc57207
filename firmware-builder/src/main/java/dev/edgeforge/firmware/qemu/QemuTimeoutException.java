package dev.edgeforge.firmware.qemu;

import java.util.List;

/** The firmware did not answer, or QEMU did not exit, within the time allowed. */
public class QemuTimeoutException extends QemuException {

    public QemuTimeoutException(String message, List<String> transcript, String diagnostics) {
        super(message, transcript, diagnostics);
    }
}
