package dev.edgeforge.infra.job;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims the oldest eligible queued job of the given types, in one statement: the inner SELECT locks one
 * candidate row and skips rows other workers have locked (so competing workers never wait on, or take, the same
 * job), the UPDATE turns it into a running job leased to this worker and bumps its version, the run gets its row in
 * the attempt history ({@code job_attempts}), and the server is notified of the start
 * ({@link JobStateChanges#CHANNEL}).
 */
final class JobClaimer {
    // The claim, the new run's row of the attempt history, and what the previous run left (its row and the last log
    // line, read from the statement's snapshot, before this claim) so the new run can say where it takes over.
    private static final String CLAIM = """
            WITH claimed AS (
                UPDATE jobs SET
                    state = 'running',
                    lease_owner = ?,
                    lease_expires_at = ?,
                    attempts = attempts + 1,
                    version = version + 1,
                    progress = 0,
                    result = NULL,
                    started_at = ?,
                    updated_at = ?
                WHERE id = (
                    SELECT id FROM jobs
                    WHERE state = 'queued' AND run_at <= ? AND type = ANY (?)
                    ORDER BY created_at, id
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                  AND state = 'queued'
                RETURNING id, project_id, type, payload, attempts, max_attempts, version, started_at, lease_owner),
            started AS (
                INSERT INTO job_attempts (job_id, run, attempt, worker_id, host, started_at)
                SELECT claimed.id,
                       coalesce((SELECT max(run) FROM job_attempts WHERE job_id = claimed.id), 0) + 1,
                       claimed.attempts, claimed.lease_owner, ?, claimed.started_at
                FROM claimed)
            SELECT claimed.*,
                   (SELECT coalesce(max(seq), 0) FROM job_logs WHERE job_logs.job_id = claimed.id) AS last_log_seq,
                   (SELECT line FROM job_logs WHERE job_logs.job_id = claimed.id ORDER BY seq DESC LIMIT 1)
                       AS last_log_line,
                   previous.attempt AS previous_attempt, previous.worker_id AS previous_worker,
                   previous.outcome AS previous_outcome, previous.reason AS previous_reason,
                   previous.progress AS previous_progress,
                   pg_notify('%s', CAST(claimed.id AS text)) AS notified
            FROM claimed
            LEFT JOIN LATERAL (
                SELECT attempt, worker_id, outcome, reason, progress FROM job_attempts AS p
                WHERE p.job_id = claimed.id ORDER BY run DESC LIMIT 1) AS previous ON true
            """.formatted(JobStateChanges.CHANNEL);

    private final Jdbc jdbc;
    private final Clock clock;

    JobClaimer(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static ClaimedJob.PreviousRun previousRun(ResultSet rs) throws SQLException {
        String worker = rs.getString("previous_worker");
        if (worker == null) {
            return null;
        }
        return new ClaimedJob.PreviousRun(
                rs.getInt("previous_attempt"),
                worker,
                rs.getString("previous_outcome"),
                rs.getString("previous_reason"),
                rs.getDouble("previous_progress"),
                rs.getString("last_log_line"));
    }

    /** Claims one job for {@code owner}, leased for {@code leaseDuration}; empty when none is eligible. */
    Optional<ClaimedJob> claim(Collection<String> types, String owner, Duration leaseDuration) {
        if (types.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbc.inConnection(connection -> {
            Array typeArray = connection.createArrayOf("text", types.toArray(String[]::new));
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setString(1, owner);
                Jdbc.setInstant(claim, 2, now.plus(leaseDuration));
                Jdbc.setInstant(claim, 3, now);
                Jdbc.setInstant(claim, 4, now);
                Jdbc.setInstant(claim, 5, now);
                claim.setArray(6, typeArray);
                claim.setString(7, JobAttempts.HOST);
                try (ResultSet rs = claim.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<ClaimedJob>empty();
                    }
                    JobLease lease = new JobLease(rs.getObject("id", UUID.class), owner, rs.getLong("version"));
                    return Optional.of(new ClaimedJob(
                            lease,
                            rs.getObject("project_id", UUID.class),
                            rs.getString("type"),
                            rs.getString("payload"),
                            rs.getInt("attempts"),
                            rs.getInt("max_attempts"),
                            rs.getLong("last_log_seq"),
                            previousRun(rs)));
                }
            } finally {
                typeArray.free();
            }
        });
    }
}
