package dev.edgeforge.infra.job;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * The writes a run makes while it runs: progress, log lines, result. Each lands only while the run still holds
 * its lease ({@link JobLease}); each method returns whether it landed.
 */
final class JobRecorder {
    private static final String PROGRESS = """
            UPDATE jobs SET progress = ?, updated_at = ?
            WHERE id = ? AND lease_owner = ? AND version = ? AND state = 'running'
            """;
    private static final String RESULT = """
            UPDATE jobs SET result = CAST(? AS jsonb), updated_at = ?
            WHERE id = ? AND lease_owner = ? AND version = ? AND state = 'running'
            """;
    // FOR SHARE on the job row: a reap or claim that changes the version either commits before (then the
    // re-checked condition fails and nothing is inserted) or waits for this insert to commit (then the next run
    // starts numbering after these lines). Without it a lost run could insert a seq the next run also uses.
    private static final String LOG = """
            INSERT INTO job_logs (job_id, seq, at, line)
            SELECT j.id, l.seq, ?, l.line
            FROM jobs AS j, unnest(CAST(? AS bigint[]), CAST(? AS text[])) AS l(seq, line)
            WHERE j.id = ? AND j.lease_owner = ? AND j.version = ? AND j.state = 'running'
            FOR SHARE OF j
            """;

    private final Jdbc jdbc;
    private final Clock clock;

    JobRecorder(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean progress(JobLease lease, double fraction) {
        return jdbc.inConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement(PROGRESS)) {
                update.setDouble(1, fraction);
                Jdbc.setInstant(update, 2, clock.instant());
                fence(update, 3, lease);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** @throws IllegalArgumentException when {@code json} is not valid JSON */
    boolean result(JobLease lease, String json) {
        try {
            return jdbc.inConnection(connection -> {
                try (PreparedStatement update = connection.prepareStatement(RESULT)) {
                    update.setString(1, json);
                    Jdbc.setInstant(update, 2, clock.instant());
                    fence(update, 3, lease);
                    return update.executeUpdate() == 1;
                }
            });
        } catch (JobQueueException e) {
            if (e.getCause() instanceof SQLException sql
                    && Jdbc.INVALID_TEXT_REPRESENTATION.equals(sql.getSQLState())) {
                throw new IllegalArgumentException("job result is not valid JSON: " + sql.getMessage(), e);
            }
            throw e;
        }
    }

    /** Appends lines numbered {@code firstSeq}, {@code firstSeq + 1}, …; all or none land. */
    boolean log(JobLease lease, long firstSeq, List<String> lines) {
        return jdbc.inConnection(connection -> {
            Long[] seqs = new Long[lines.size()];
            for (int i = 0; i < seqs.length; i++) {
                seqs[i] = firstSeq + i;
            }
            Array seqArray = connection.createArrayOf("bigint", seqs);
            Array lineArray = connection.createArrayOf("text", lines.toArray(String[]::new));
            try (PreparedStatement insert = connection.prepareStatement(LOG)) {
                Jdbc.setInstant(insert, 1, clock.instant());
                insert.setArray(2, seqArray);
                insert.setArray(3, lineArray);
                fence(insert, 4, lease);
                return insert.executeUpdate() == lines.size();
            } finally {
                seqArray.free();
                lineArray.free();
            }
        });
    }

    static void fence(PreparedStatement statement, int firstIndex, JobLease lease) throws SQLException {
        statement.setObject(firstIndex, lease.jobId());
        statement.setString(firstIndex + 1, lease.owner());
        statement.setLong(firstIndex + 2, lease.version());
    }
}
