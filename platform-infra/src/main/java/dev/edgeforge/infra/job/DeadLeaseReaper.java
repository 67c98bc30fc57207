package dev.edgeforge.infra.job;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Returns jobs whose lease expired (their worker died or stalled past the lease) to the queue, claimable at once;
 * a job that has used all its attempts fails instead, and one whose cancel was requested is cancelled. Safe to
 * run from every worker at once: rows are locked with SKIP LOCKED and re-checked, and the version bump fences
 * the lost run's writes. Each reaped job is notified on {@link JobStateChanges#CHANNEL}.
 */
final class DeadLeaseReaper {
    static final int BATCH = 100;
    private static final String REAP = JobAttempts.ending(
            """
            UPDATE jobs SET
                state = CASE WHEN cancel_requested THEN 'cancelled'
                             WHEN attempts >= max_attempts THEN 'failed'
                             ELSE 'queued' END,
                error = CASE WHEN cancel_requested THEN 'cancelled; its worker stopped responding'
                             ELSE 'worker ' || lease_owner || ' stopped responding during attempt ' || attempts
                                  || ' of ' || max_attempts || ' (lease expired)' END,
                finished_at = CASE WHEN cancel_requested OR attempts >= max_attempts
                                   THEN CAST(? AS timestamptz) END,
                run_at = ?,
                lease_owner = NULL,
                lease_expires_at = NULL,
                version = version + 1,
                updated_at = ?
            WHERE id IN (
                SELECT id FROM jobs
                WHERE state = 'running' AND lease_expires_at < ?
                ORDER BY lease_expires_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
              AND state = 'running' AND lease_expires_at < ?
            RETURNING id, state, error, progress, updated_at
            """, "CASE changed.state WHEN 'cancelled' THEN 'cancelled' ELSE 'lease-expired' END", "changed.error");

    /** A job the reaper took back, and the state it is in now. */
    record Reaped(UUID jobId, JobState state) {}

    private final Jdbc jdbc;
    private final Clock clock;

    DeadLeaseReaper(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Reaps up to {@value #BATCH} expired leases; call again while it returns a full batch. */
    List<Reaped> reap() {
        Instant now = clock.instant();
        return jdbc.inConnection(connection -> {
            try (PreparedStatement reap = connection.prepareStatement(REAP)) {
                Jdbc.setInstant(reap, 1, now);
                Jdbc.setInstant(reap, 2, now);
                Jdbc.setInstant(reap, 3, now);
                Jdbc.setInstant(reap, 4, now);
                reap.setInt(5, BATCH);
                Jdbc.setInstant(reap, 6, now);
                List<Reaped> reaped = new ArrayList<>();
                try (ResultSet rs = reap.executeQuery()) {
                    while (rs.next()) {
                        reaped.add(new Reaped(rs.getObject(1, UUID.class), JobState.fromDbValue(rs.getString(2))));
                    }
                }
                return reaped;
            }
        });
    }
}
