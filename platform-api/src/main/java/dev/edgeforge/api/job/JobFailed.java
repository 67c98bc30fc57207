package dev.edgeforge.api.job;

import java.time.Instant;
import java.util.UUID;

/**
 * The job failed for good (its last attempt failed, or it failed in a way a retry cannot help).
 *
 * @param error why, in the words of the attempt that failed
 */
public record JobFailed(UUID jobId, UUID projectId, String type, String error, Instant finishedAt)
        implements JobEnded {}
