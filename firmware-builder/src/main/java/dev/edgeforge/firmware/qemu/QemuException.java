package dev.edgeforge.firmware.qemu;

import java.util.List;

/** Base of the failures of a QEMU run; carries what the firmware and QEMU printed, for the user. */
public class QemuException extends RuntimeException {

    private final List<String> transcript;
    private final String diagnostics;

    public QemuException(String message, List<String> transcript, String diagnostics) {
        super(message + describe(transcript, diagnostics));
        this.transcript = List.copyOf(transcript);
        this.diagnostics = diagnostics;
    }

    /** The serial lines received from the firmware so far. */
    public List<String> transcript() {
        return transcript;
    }

    /** What QEMU itself printed on standard error. */
    public String diagnostics() {
        return diagnostics;
    }

    private static String describe(List<String> transcript, String diagnostics) {
        StringBuilder text = new StringBuilder();
        if (!transcript.isEmpty()) {
            int from = Math.max(0, transcript.size() - 5);
            text.append("; last firmware output: ")
                    .append(String.join(" | ", transcript.subList(from, transcript.size())));
        }
        if (!diagnostics.isBlank()) {
            text.append("; qemu said: ").append(diagnostics.strip());
        }
        return text.toString();
    }
}
