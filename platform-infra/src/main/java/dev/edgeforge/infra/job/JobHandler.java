package dev.edgeforge.infra.job;

/**
 * Runs the jobs of one type. Register handlers with a {@link JobWorker}; it calls {@link #run} on one of its
 * threads for each claimed job of {@link #type()}.
 *
 * <p>How to write one:
 * <ul>
 *   <li>Read the input from {@link JobContext#payload()}; report with {@link JobContext#progress(double)} and
 *       {@link JobContext#log(String)}; store the outcome with {@link JobContext#result(String)}.</li>
 *   <li>Be idempotent: a job may run again after a failure or a worker crash. Write bytes under content-addressed
 *       or run-scoped object keys, never over what another run wrote.</li>
 *   <li>Stop promptly when asked: call {@link JobContext#throwIfCancelled()} between steps, and let
 *       {@link InterruptedException} (the thread is interrupted on cancel) end the run.</li>
 *   <li>Throw to fail: {@link NonRetryableJobException} fails at once, anything else is retried with backoff
 *       until the job's attempts are used up. Returning normally means success.</li>
 * </ul>
 */
public interface JobHandler {

    /** The job type this handler runs, e.g. {@code train}. */
    String type();

    /** Runs one attempt of a job. */
    void run(JobContext context) throws Exception;
}
