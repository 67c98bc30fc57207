package dev.edgeforge.infra.job;

import java.util.UUID;

/**
 * This run no longer owns the job: its lease expired (the worker stalled longer than the lease) and the job was
 * handed back to the queue, so its writes were rejected. The handler should stop; another run owns the job now.
 */
public class LeaseLostException extends JobCancelledException {
    private final UUID jobId;

    public LeaseLostException(UUID jobId) {
        super("job " + jobId + " is no longer leased by this worker; its writes were rejected");
        this.jobId = jobId;
    }

    public UUID jobId() {
        return jobId;
    }
}
