package dev.edgeforge.infra.job;

/** The job queue's database could not be used (connection refused, SQL error). */
public class JobQueueException extends RuntimeException {
    public JobQueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
