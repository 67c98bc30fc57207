package dev.edgeforge.firmware.toolchain;

import java.time.Duration;
import java.util.List;

/** An external tool that was still running at its time limit; it has been killed with its child processes. */
public class ToolTimeoutException extends RuntimeException {

    private final List<String> command;
    private final Duration timeLimit;
    private final String output;

    public ToolTimeoutException(List<String> command, Duration timeLimit, String output) {
        super(command.get(0) + " did not finish within " + timeLimit.toMillis() + " ms and was stopped");
        this.command = List.copyOf(command);
        this.timeLimit = timeLimit;
        this.output = output;
    }

    public List<String> command() {
        return command;
    }

    public Duration timeLimit() {
        return timeLimit;
    }

    /** What the tool printed before it was stopped. */
    public String output() {
        return output;
    }
}
