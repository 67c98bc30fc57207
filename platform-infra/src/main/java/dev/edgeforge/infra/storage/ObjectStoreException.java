package dev.edgeforge.infra.storage;

/** The object store could not do what was asked (I/O error, S3 error, conflicting keys). */
public class ObjectStoreException extends RuntimeException {
    public ObjectStoreException(String message) {
        super(message);
    }

    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
