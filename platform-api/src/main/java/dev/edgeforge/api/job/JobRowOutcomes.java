package dev.edgeforge.api.job;

import java.sql.Timestamp;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps a feature's table of one row per job in step with the jobs of one type: running once a worker took it, then
 * succeeded with its result, failed or cancelled with why. The table has the columns {@code job_id}, {@code state}
 * (a {@link JobStatus} value), {@code result} (jsonb), {@code error}, {@code started_at} and {@code finished_at}.
 * Only open rows change, so an event that comes twice or late changes nothing; a job of another type is left alone.
 *
 * <p>A feature with such a table declares a bean that extends this class with its table and job type.
 */
public abstract class JobRowOutcomes {

    /** The rows whose job has not ended. */
    public static final String OPEN = "state IN ('queued', 'running')";

    private final JdbcClient jdbc;
    private final String table;
    private final String jobType;

    /** @param table a table name written in the code, never one a user typed (it goes into the SQL as is) */
    protected JobRowOutcomes(JdbcClient jdbc, String table, String jobType) {
        this.jdbc = jdbc;
        this.table = table;
        this.jobType = jobType;
    }

    @EventListener
    public void on(JobStarted started) {
        if (!jobType.equals(started.type())) {
            return;
        }
        jdbc.sql("UPDATE " + table + " SET state = 'running', started_at = :startedAt WHERE job_id = :jobId AND "
                        + OPEN)
                .param("startedAt", Timestamp.from(started.startedAt()))
                .param("jobId", started.jobId())
                .update();
    }

    @EventListener
    public void on(JobEnded ended) {
        if (!jobType.equals(ended.type())) {
            return;
        }
        String result = ended instanceof JobSucceeded succeeded ? succeeded.result() : null;
        String error = ended instanceof JobFailed failed
                ? failed.error()
                : ended instanceof JobCancelled cancelled ? cancelled.reason() : null;
        jdbc.sql("UPDATE " + table + " SET state = :state, result = CAST(:result AS jsonb), error = :error, "
                        + "finished_at = :finishedAt WHERE job_id = :jobId AND " + OPEN)
                .param("state", JobStatus.of(ended).value())
                .param("result", result)
                .param("error", error)
                .param("finishedAt", Timestamp.from(ended.finishedAt()))
                .param("jobId", ended.jobId())
                .update();
    }
}
