package dev.edgeforge.firmware.qemu;

/** The firmware printed a line the line protocol (boards/PROTOCOL.md) does not allow at that point. */
public class SerialProtocolViolation extends RuntimeException {

    private final String line;

    public SerialProtocolViolation(String expected, String line) {
        super("expected " + expected + " from the firmware, got: " + line);
        this.line = line;
    }

    public String line() {
        return line;
    }
}
