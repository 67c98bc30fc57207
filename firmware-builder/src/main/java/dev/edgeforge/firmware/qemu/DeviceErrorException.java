package dev.edgeforge.firmware.qemu;

/** The firmware answered a command with {@code error <code> <detail>}. */
public class DeviceErrorException extends RuntimeException {

    private final String code;
    private final String detail;

    public DeviceErrorException(String code, String detail) {
        super("the firmware reported error " + code + (detail.isEmpty() ? "" : ": " + detail));
        this.code = code;
        this.detail = detail;
    }

    /** e.g. {@code input-size}, {@code bad-hex}, {@code invoke-failed}, {@code unknown-command}. */
    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}
