package dev.edgeforge.infra.job;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;

/**
 * The final write of a run: succeeded, failed (or queued again for a retry), cancelled, or handed back on
 * shutdown. Each is fenced by the run's lease and bumps the version; each returns whether it landed (false: the
 * lease was lost and another run owns the job, so nothing was written).
 *
 * <p>A cancel requested while the run ended in failure wins: the job ends cancelled rather than retried.
 *
 * <p>Each statement also ends the run's row of the attempt history ({@link JobAttempts}) and notifies
 * {@link JobStateChanges#CHANNEL} in the same transaction, so the server hears of the new state as soon as it commits.
 */
final class JobFinisher {
    private static final String SUCCEED = JobAttempts.ending("""
            UPDATE jobs SET state = 'succeeded', progress = 1, error = NULL, finished_at = ?, updated_at = ?,
                            lease_owner = NULL, lease_expires_at = NULL, version = version + 1
            WHERE id = ? AND lease_owner = ? AND version = ? AND state = 'running'
            RETURNING id, state, error, progress, updated_at
            """, "'succeeded'", "NULL");
    private static final String FAIL_OR_RETRY = JobAttempts.ending(
            """
            UPDATE jobs SET
                state = CASE WHEN cancel_requested THEN 'cancelled'
                             WHEN attempts >= max_attempts THEN 'failed'
                             ELSE 'queued' END,
                finished_at = CASE WHEN cancel_requested OR attempts >= max_attempts
                                   THEN CAST(? AS timestamptz) END,
                run_at = ?,
                error = ?,
                updated_at = ?,
                lease_owner = NULL, lease_expires_at = NULL, version = version + 1
            WHERE id = ? AND lease_owner = ? AND version = ? AND state = 'running'
            RETURNING id, state, error, progress, updated_at
            """,
            "CASE changed.state WHEN 'cancelled' THEN 'cancelled' WHEN 'failed' THEN 'failed' ELSE 'retrying' END",
            "changed.error");
    private static final String FAIL = JobAttempts.ending(
            """
            UPDATE jobs SET
                state = CASE WHEN cancel_requested THEN 'cancelled' ELSE 'failed' END,
                finished_at = ?, error = ?, updated_at = ?,
                lease_owner = NULL, lease_expires_at = NULL, version = version + 1
            WHERE id = ? AND lease_owner = ? AND version = ? AND state = 'running'
            RETURNING id, state, error, progress, updated_at
            """, "CASE changed.state WHEN 'cancelled' THEN 'cancelled' ELSE 'failed' END", "changed.error");
    private static final String CANCEL = JobAttempts.ending("""
            UPDATE jobs SET state = 'cancelled', cancel_requested = true, finished_at = ?, error = ?, updated_at = ?,
                            lease_owner = NULL, lease_expires_at = NULL, version = version + 1
            WHERE id = ? AND lease_owner = ? AND version = ? AND state = 'running'
            RETURNING id, state, error, progress, updated_at
            """, "'cancelled'", "changed.error");
    // Shutdown is not the job's fault: the attempt is given back.
    private static final String RELEASE = JobAttempts.ending(
            """
            UPDATE jobs SET
                state = CASE WHEN cancel_requested THEN 'cancelled' ELSE 'queued' END,
                finished_at = CASE WHEN cancel_requested THEN CAST(? AS timestamptz) END,
                attempts = CASE WHEN cancel_requested THEN attempts ELSE greatest(attempts - 1, 0) END,
                run_at = ?, updated_at = ?,
                lease_owner = NULL, lease_expires_at = NULL, version = version + 1
            WHERE id = ? AND lease_owner = ? AND version = ? AND state = 'running'
            RETURNING id, state, error, progress, updated_at
            """,
            "CASE changed.state WHEN 'cancelled' THEN 'cancelled' ELSE 'handed-back' END",
            "'its worker shut down; the attempt was given back'");

    private final Jdbc jdbc;
    private final Clock clock;

    JobFinisher(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean succeed(JobLease lease) {
        Instant now = clock.instant();
        return update(SUCCEED, lease, now, now);
    }

    /** Failed attempt: queued again, claimable at {@code retryAt}, or failed when it was the last attempt. */
    boolean failOrRetry(JobLease lease, String error, Instant retryAt) {
        Instant now = clock.instant();
        return update(FAIL_OR_RETRY, lease, now, retryAt, error, now);
    }

    /** Failed for good, whatever attempts are left. */
    boolean fail(JobLease lease, String error) {
        Instant now = clock.instant();
        return update(FAIL, lease, now, error, now);
    }

    boolean cancel(JobLease lease, String reason) {
        Instant now = clock.instant();
        return update(CANCEL, lease, now, reason, now);
    }

    /** Back to the queue without counting the attempt (the worker is shutting down). */
    boolean release(JobLease lease) {
        Instant now = clock.instant();
        return update(RELEASE, lease, now, now, now);
    }

    /** Binds {@code values} (Instant or String) in order, then the lease's fence. */
    private boolean update(String sql, JobLease lease, Object... values) {
        return jdbc.inConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    if (values[i] instanceof Instant instant) {
                        Jdbc.setInstant(update, i + 1, instant);
                    } else {
                        update.setString(i + 1, (String) values[i]);
                    }
                }
                JobRecorder.fence(update, values.length + 1, lease);
                try (ResultSet changed = update.executeQuery()) {
                    return changed.next();
                }
            }
        });
    }
}
