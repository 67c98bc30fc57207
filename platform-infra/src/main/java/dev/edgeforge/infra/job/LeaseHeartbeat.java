package dev.edgeforge.infra.job;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Renews, in one statement, the leases of all jobs a worker runs, and reports per job whether the lease is
 * still held and whether a cancel was requested: the heartbeat is where a worker learns both.
 */
final class LeaseHeartbeat {
    private static final String RENEW = """
            UPDATE jobs AS j SET
                lease_expires_at = ?,
                updated_at = ?
            FROM unnest(CAST(? AS uuid[]), CAST(? AS bigint[])) AS held(id, version)
            WHERE j.id = held.id AND j.version = held.version
              AND j.state = 'running' AND j.lease_owner = ?
            RETURNING j.id, j.cancel_requested
            """;

    /** What the heartbeat found for the jobs it was given. */
    record Beat(Set<UUID> renewed, Set<UUID> cancelRequested, Set<UUID> lost) {}

    private final Jdbc jdbc;
    private final Clock clock;

    LeaseHeartbeat(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Extends the leases of {@code leases} (all owned by {@code owner}) to now + {@code leaseDuration}. A lease
     * that is not renewed was lost: the job was reaped, and perhaps claimed by another worker, meanwhile.
     */
    Beat renew(String owner, Collection<JobLease> leases, Duration leaseDuration) {
        if (leases.isEmpty()) {
            return new Beat(Set.of(), Set.of(), Set.of());
        }
        Instant now = clock.instant();
        Map<UUID, Boolean> found = jdbc.inConnection(connection -> {
            Array ids = connection.createArrayOf(
                    "uuid", leases.stream().map(JobLease::jobId).toArray());
            Array versions = connection.createArrayOf(
                    "bigint", leases.stream().map(JobLease::version).toArray());
            try (PreparedStatement renew = connection.prepareStatement(RENEW)) {
                Jdbc.setInstant(renew, 1, now.plus(leaseDuration));
                Jdbc.setInstant(renew, 2, now);
                renew.setArray(3, ids);
                renew.setArray(4, versions);
                renew.setString(5, owner);
                Map<UUID, Boolean> rows = new HashMap<>();
                try (ResultSet rs = renew.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getObject(1, UUID.class), rs.getBoolean(2));
                    }
                }
                return rows;
            } finally {
                ids.free();
                versions.free();
            }
        });
        Set<UUID> cancel = new HashSet<>();
        Set<UUID> lost = new HashSet<>();
        for (JobLease lease : leases) {
            Boolean cancelRequested = found.get(lease.jobId());
            if (cancelRequested == null) {
                lost.add(lease.jobId());
            } else if (cancelRequested) {
                cancel.add(lease.jobId());
            }
        }
        return new Beat(Set.copyOf(found.keySet()), Set.copyOf(cancel), Set.copyOf(lost));
    }
}
