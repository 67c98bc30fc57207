package dev.edgeforge.infra.job;

/**
 * Thrown by a {@link JobHandler} when retrying cannot help (bad payload, missing input): the job fails at once
 * with this message, whatever attempts are left. Any other exception is retried with backoff.
 */
public class NonRetryableJobException extends RuntimeException {
    public NonRetryableJobException(String message) {
        super(message);
    }

    public NonRetryableJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
