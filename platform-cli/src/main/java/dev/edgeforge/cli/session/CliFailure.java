package dev.edgeforge.cli.session;

/** The command ran but could not do what was asked (no ready model, a failed build): exit code 1. */
public final class CliFailure extends RuntimeException {

    public CliFailure(String message) {
        super(message);
    }
}
