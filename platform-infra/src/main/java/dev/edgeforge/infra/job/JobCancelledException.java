package dev.edgeforge.infra.job;

/** Thrown by {@link JobContext#throwIfCancelled()} when the job must stop; let it propagate out of the handler. */
public class JobCancelledException extends RuntimeException {
    public JobCancelledException(String message) {
        super(message);
    }
}
