package dev.edgeforge.infra.job;

import java.util.UUID;

/**
 * What a {@link JobHandler} sees of the job it runs. Every write is fenced by the run's lease: once the lease is
 * lost (see {@link LeaseLostException}) writes are rejected and throw. Safe to use from several threads.
 */
public interface JobContext {

    UUID jobId();

    /** The owning project, or {@code null}. */
    UUID projectId();

    String type();

    /** The input JSON given at enqueue time (jsonb-normalized). */
    String payload();

    /** Which run this is: 1 for the first, 2 for the first retry, … */
    int attempt();

    int maxAttempts();

    /** The worker running this attempt (as the attempt history names it), for log lines. */
    default String workerId() {
        return "this worker";
    }

    /**
     * Reports progress of this attempt, 0 (nothing done) to 1 (done). Written through to the database; call it a
     * few times per second at most.
     *
     * @throws IllegalArgumentException outside 0..1
     * @throws LeaseLostException       when this run no longer owns the job
     */
    void progress(double fraction);

    /**
     * Appends a log line (readers see it at once). A text with line breaks becomes several lines; very long lines
     * are cut.
     *
     * @throws LeaseLostException when this run no longer owns the job
     */
    void log(String line);

    /**
     * Stores the job's result, a JSON document, replacing an earlier one of this attempt. Keep it small: ids and
     * object keys, not bytes.
     *
     * @throws IllegalArgumentException when {@code json} is not valid JSON
     * @throws LeaseLostException       when this run no longer owns the job
     */
    void result(String json);

    /**
     * Whether the run should stop now: a cancel was requested, the lease was lost, or the worker is shutting down
     * and its grace period ran out.
     */
    boolean isCancelRequested();

    /** Throws {@link JobCancelledException} (or {@link LeaseLostException}) when the run should stop. */
    void throwIfCancelled();
}
