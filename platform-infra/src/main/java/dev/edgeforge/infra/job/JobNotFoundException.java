package dev.edgeforge.infra.job;

import java.util.UUID;

/** No job has the given id. */
public class JobNotFoundException extends RuntimeException {
    private final UUID jobId;

    public JobNotFoundException(UUID jobId) {
        super("no job with id " + jobId);
        this.jobId = jobId;
    }

    public UUID jobId() {
        return jobId;
    }
}
