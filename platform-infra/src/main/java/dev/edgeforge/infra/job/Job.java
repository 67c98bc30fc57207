package dev.edgeforge.infra.job;

import java.time.Instant;
import java.util.UUID;

/**
 * A job as stored, for status pages and the API.
 *
 * @param id              the job's id
 * @param projectId       owning project, or {@code null}
 * @param type            handler type, e.g. {@code train}
 * @param state           current state
 * @param payload         input JSON (as PostgreSQL's jsonb prints it: key order and spacing normalized)
 * @param result          result JSON written by the handler, or {@code null}
 * @param progress        0..1 of the current attempt
 * @param attempts        runs started so far
 * @param maxAttempts     runs allowed in total
 * @param runAt           earliest time the job may be (re)claimed
 * @param leaseOwner      worker holding the job while running, else {@code null}
 * @param leaseExpiresAt  when that lease lapses unless renewed, else {@code null}
 * @param cancelRequested whether a cancel was asked for (a running job stops within seconds)
 * @param error           why the last attempt failed, or {@code null}
 * @param version         changes with every claim and state change (the fencing token)
 * @param publishedVersion the last version whose state the server published ({@link JobStateChanges})
 * @param createdAt       enqueue time
 * @param startedAt       start of the latest attempt, or {@code null}
 * @param finishedAt      when the job reached a terminal state, or {@code null}
 * @param updatedAt       last change (including progress and heartbeats)
 */
public record Job(
        UUID id,
        UUID projectId,
        String type,
        JobState state,
        String payload,
        String result,
        double progress,
        int attempts,
        int maxAttempts,
        Instant runAt,
        String leaseOwner,
        Instant leaseExpiresAt,
        boolean cancelRequested,
        String error,
        long version,
        long publishedVersion,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt) {

    /** Whether the server has published the job's current state (every listener has applied it). */
    public boolean isPublished() {
        return publishedVersion >= version;
    }
}
