package dev.edgeforge.cli.http;

import java.io.IOException;
import java.net.URI;

/** The platform could not be reached at all (refused, reset, timed out): nothing was done there. */
public final class UnreachableServerException extends RuntimeException {

    public UnreachableServerException(URI base, IOException cause) {
        super(
                "cannot reach the platform at " + base + " (" + reason(cause) + "); is it running (./edgeforge run), "
                        + "and is --url or EDGEFORGE_URL right?",
                cause);
    }

    private static String reason(IOException cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
