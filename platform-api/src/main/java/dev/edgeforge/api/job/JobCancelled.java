package dev.edgeforge.api.job;

import java.time.Instant;
import java.util.UUID;

/**
 * The job was cancelled, before it started or while it ran.
 *
 * @param reason what the queue recorded (e.g. {@code cancelled before it started}), or {@code null}
 */
public record JobCancelled(UUID jobId, UUID projectId, String type, String reason, Instant finishedAt)
        implements JobEnded {}
