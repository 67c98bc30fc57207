package dev.edgeforge.api.job;

import java.time.Instant;
import java.util.UUID;

/**
 * The job succeeded.
 *
 * @param result the result JSON its handler wrote (the job type's result record in platform-jobs), or {@code null}
 */
public record JobSucceeded(UUID jobId, UUID projectId, String type, String result, Instant finishedAt)
        implements JobEnded {}
