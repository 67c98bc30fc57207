package dev.edgeforge.cli.session;

/** The command line cannot be carried out as given (a missing project, contradicting options): exit code 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
