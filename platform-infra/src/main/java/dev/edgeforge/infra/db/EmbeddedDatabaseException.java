package dev.edgeforge.infra.db;

/** The embedded PostgreSQL could not be started or used; the message says what to do about it. */
public class EmbeddedDatabaseException extends RuntimeException {
    public EmbeddedDatabaseException(String message) {
        super(message);
    }

    public EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
