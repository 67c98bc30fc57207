package dev.edgeforge.firmware.toolchain;

/** An external tool (compiler, binutils, QEMU) that is not installed or not on the PATH. */
public class ToolNotFoundException extends RuntimeException {

    private final String tool;
    private final String installCommand;

    public ToolNotFoundException(String tool, String searched, String installCommand) {
        super(tool + " was not found on the PATH (" + searched + "). Install it with: " + installCommand);
        this.tool = tool;
        this.installCommand = installCommand;
    }

    public String tool() {
        return tool;
    }

    public String installCommand() {
        return installCommand;
    }
}
