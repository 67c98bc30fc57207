package dev.edgeforge.infra.job;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The producer and reader side of the job queue: enqueue, look up, list, read logs, request cancellation.
 * Workers ({@link JobWorker}) consume it. Thread-safe; every call is one short database round trip.
 */
public final class JobQueue {
    /** Most log lines one {@link #logs} call returns. */
    public static final int MAX_LOG_PAGE = 10_000;

    private static final String INSERT = """
            INSERT INTO jobs (id, project_id, type, state, payload, progress, attempts, max_attempts, run_at,
                              cancel_requested, version, created_at, updated_at)
            VALUES (?, ?, ?, 'queued', CAST(? AS jsonb), 0, 0, ?, ?, false, 0, ?, ?)
            """;
    private static final String FIND = "SELECT * FROM jobs WHERE id = ?";
    private static final String LIST = """
            SELECT * FROM jobs
            WHERE project_id = ?
              AND (CAST(? AS text) IS NULL OR type = ?)
              AND (cardinality(CAST(? AS text[])) = 0 OR state = ANY (CAST(? AS text[])))
              AND (CAST(? AS timestamptz) IS NULL OR created_at < ?)
            ORDER BY created_at DESC, id DESC
            LIMIT ?
            """;
    // queued: cancelled at once. running: only flagged; the worker notices at its next heartbeat, stops the
    // handler and writes the final state itself (its version must stay valid until then).
    private static final String CANCEL = JobStateChanges.notifying("""
            UPDATE jobs SET
                cancel_requested = true,
                state       = CASE WHEN state = 'queued' THEN 'cancelled' ELSE state END,
                finished_at = CASE WHEN state = 'queued' THEN ? ELSE finished_at END,
                error       = CASE WHEN state = 'queued' THEN 'cancelled before it started' ELSE error END,
                version     = CASE WHEN state = 'queued' THEN version + 1 ELSE version END,
                updated_at  = ?
            WHERE id = ? AND state IN ('queued', 'running')
            RETURNING *
            """);
    private static final String LOGS = """
            SELECT job_id, seq, at, line FROM job_logs
            WHERE job_id = ? AND seq > ?
            ORDER BY seq
            LIMIT ?
            """;

    private static final String ATTEMPTS = """
            SELECT run, attempt, worker_id, host, started_at, ended_at, outcome, reason, progress FROM job_attempts
            WHERE job_id = ?
            ORDER BY run
            """;

    private final Jdbc jdbc;
    private final Clock clock;

    public JobQueue(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Adds a job, claimable at once.
     *
     * @return the new job's id
     * @throws IllegalArgumentException when the payload is not valid JSON
     */
    public UUID enqueue(NewJob job) {
        return jdbc.inConnection(connection -> enqueue(connection, job));
    }

    /**
     * Adds a job using the caller's connection, so it commits or rolls back with the caller's transaction (e.g.
     * together with the row of the training run it belongs to). Neither commits nor closes the connection.
     */
    public UUID enqueue(Connection connection, NewJob job) throws SQLException {
        Objects.requireNonNull(job, "job");
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, id);
            insert.setObject(2, job.projectId());
            insert.setString(3, job.type());
            insert.setString(4, job.payload());
            insert.setInt(5, job.maxAttempts());
            Jdbc.setInstant(insert, 6, now);
            Jdbc.setInstant(insert, 7, now);
            Jdbc.setInstant(insert, 8, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (Jdbc.INVALID_TEXT_REPRESENTATION.equals(e.getSQLState())) {
                throw new IllegalArgumentException("job payload is not valid JSON: " + e.getMessage(), e);
            }
            throw e;
        }
        return id;
    }

    public Optional<Job> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return jdbc.inConnection(connection -> {
            try (PreparedStatement find = connection.prepareStatement(FIND)) {
                find.setObject(1, id);
                try (ResultSet rs = find.executeQuery()) {
                    return rs.next() ? Optional.of(Jdbc.job(rs)) : Optional.empty();
                }
            }
        });
    }

    /** A project's jobs, newest first. */
    public List<Job> list(UUID projectId, JobListQuery query) {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(query, "query");
        return jdbc.inConnection(connection -> {
            String[] states = query.states().stream().map(JobState::dbValue).toArray(String[]::new);
            Array stateArray = connection.createArrayOf("text", states);
            try (PreparedStatement list = connection.prepareStatement(LIST)) {
                list.setObject(1, projectId);
                list.setString(2, query.type());
                list.setString(3, query.type());
                list.setArray(4, stateArray);
                list.setArray(5, stateArray);
                if (query.createdBefore() == null) {
                    list.setNull(6, Types.TIMESTAMP_WITH_TIMEZONE);
                    list.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    Jdbc.setInstant(list, 6, query.createdBefore());
                    Jdbc.setInstant(list, 7, query.createdBefore());
                }
                list.setInt(8, query.limit());
                List<Job> jobs = new ArrayList<>();
                try (ResultSet rs = list.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(Jdbc.job(rs));
                    }
                }
                return jobs;
            } finally {
                stateArray.free();
            }
        });
    }

    /**
     * Asks a job to stop. A queued job is cancelled at once; a running job is flagged, and its worker stops the
     * handler within about a heartbeat interval and then marks it cancelled. A finished job is left as it is.
     *
     * @return the job after the request
     * @throws JobNotFoundException when no job has this id
     */
    public Job requestCancel(UUID id) {
        Objects.requireNonNull(id, "id");
        Instant now = clock.instant();
        Optional<Job> changed = jdbc.inConnection(connection -> {
            try (PreparedStatement cancel = connection.prepareStatement(CANCEL)) {
                Jdbc.setInstant(cancel, 1, now);
                Jdbc.setInstant(cancel, 2, now);
                cancel.setObject(3, id);
                try (ResultSet rs = cancel.executeQuery()) {
                    return rs.next() ? Optional.of(Jdbc.job(rs)) : Optional.<Job>empty();
                }
            }
        });
        return changed.or(() -> find(id)).orElseThrow(() -> new JobNotFoundException(id));
    }

    /**
     * Log lines of a job with {@code seq > afterSeq}, oldest first; pass 0 to start at the beginning. Empty when
     * there are none yet (or the job does not exist).
     */
    public List<JobLogLine> logs(UUID jobId, long afterSeq, int limit) {
        Objects.requireNonNull(jobId, "jobId");
        if (limit < 1 || limit > MAX_LOG_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LOG_PAGE + ", was " + limit);
        }
        return jdbc.inConnection(connection -> {
            try (PreparedStatement logs = connection.prepareStatement(LOGS)) {
                logs.setObject(1, jobId);
                logs.setLong(2, afterSeq);
                logs.setInt(3, limit);
                List<JobLogLine> lines = new ArrayList<>();
                try (ResultSet rs = logs.executeQuery()) {
                    while (rs.next()) {
                        lines.add(new JobLogLine(
                                rs.getObject("job_id", UUID.class),
                                rs.getLong("seq"),
                                Jdbc.getInstant(rs, "at"),
                                rs.getString("line")));
                    }
                }
                return lines;
            }
        });
    }

    /** A job's runs, oldest first: which worker ran each, when, and how it ended. Empty for an unknown job. */
    public List<JobAttempt> attempts(UUID jobId) {
        Objects.requireNonNull(jobId, "jobId");
        return jdbc.inConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(ATTEMPTS)) {
                query.setObject(1, jobId);
                List<JobAttempt> attempts = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        attempts.add(new JobAttempt(
                                rs.getInt("run"),
                                rs.getInt("attempt"),
                                rs.getString("worker_id"),
                                rs.getString("host"),
                                Jdbc.getInstant(rs, "started_at"),
                                Jdbc.getInstant(rs, "ended_at"),
                                rs.getString("outcome"),
                                rs.getString("reason"),
                                rs.getDouble("progress")));
                    }
                }
                return attempts;
            }
        });
    }
}
