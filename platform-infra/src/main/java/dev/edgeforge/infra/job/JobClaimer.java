package dev.edgeforge.infra.job;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims the oldest eligible queued job of the given types, in one statement: the inner SELECT locks one
 * candidate row and skips rows other workers have locked (so competing workers never wait on, or take, the same
 * job), the UPDATE turns it into a running job leased to this worker and bumps its version, and the server is
 * notified of the start ({@link JobStateChanges#CHANNEL}).
 */
final class JobClaimer {
    private static final String CLAIM = JobStateChanges.notifying("""
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
            RETURNING id, project_id, type, payload, attempts, max_attempts, version,
                      (SELECT coalesce(max(seq), 0) FROM job_logs WHERE job_logs.job_id = jobs.id) AS last_log_seq
            """);

    private final Jdbc jdbc;
    private final Clock clock;

    JobClaimer(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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
                            rs.getLong("last_log_seq")));
                }
            } finally {
                typeArray.free();
            }
        });
    }
}
