/**
 * The job queue: one PostgreSQL-backed queue ({@code jobs}, {@code job_logs}; migrations {@code V2__job_queue.sql}
 * and {@code V12__job_state_events.sql}) for every kind of long-running work — features, train, test, compress,
 * deploy.
 *
 * <p>Producers use {@link dev.edgeforge.infra.job.JobQueue} (enqueue, find, list, logs, requestCancel). The server
 * learns of state changes through {@link dev.edgeforge.infra.job.JobStateChanges} (a LISTEN connection and the
 * changes not published yet). Workers run a {@link dev.edgeforge.infra.job.JobWorker} with
 * {@link dev.edgeforge.infra.job.JobHandler}s; its steps are small classes: claim ({@code JobClaimer}), run
 * ({@code JobExecution}), heartbeat ({@code LeaseHeartbeat}), reap dead leases ({@code DeadLeaseReaper}), record
 * progress/logs/result ({@code JobRecorder}) and the final state ({@code JobFinisher}). All times come from the
 * injected {@link java.time.Clock}.
 *
 * <p>Invariants:
 * <ul>
 *   <li>A job never runs twice at once: a claim is one {@code UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP
 *       LOCKED)}, so competing workers never take the same queued row; a running job is held by a lease that
 *       its worker renews by heartbeat.</li>
 *   <li>A run writes only while it holds its lease: every write is fenced by {@code (lease_owner, version)} and
 *       every claim or state change bumps {@code version}. A worker that stalled past its lease (a zombie) gets
 *       its writes rejected ({@link dev.edgeforge.infra.job.LeaseLostException}) and its handler interrupted.</li>
 *   <li>A job whose lease expired (its worker died) goes back to the queue, or fails when its attempts are used
 *       up. Failed attempts are retried with exponential backoff ({@code run_at}) up to {@code max_attempts};
 *       {@link dev.edgeforge.infra.job.NonRetryableJobException} fails at once.</li>
 *   <li>Cancel: a queued job is cancelled at once; a running one is flagged, noticed at the next heartbeat,
 *       interrupted and marked cancelled by its worker — within a heartbeat interval (default 2 s).</li>
 *   <li>A retried job overwrites nothing another run wrote: handlers store bytes in the object store under keys
 *       derived from content or from ids fixed at enqueue time, and a new attempt starts with a cleared result
 *       and progress; log lines keep their numbering across attempts.</li>
 *   <li>Every state change (claim, finish, retry, reap, cancel of a queued job) bumps {@code version} and notifies
 *       {@value dev.edgeforge.infra.job.JobStateChanges#CHANNEL} in the same statement, so a listener hears of it
 *       when it commits, whichever process made it; {@code published_version} keeps it due until a listener has
 *       published it, so none is lost while nobody listens.</li>
 * </ul>
 */
package dev.edgeforge.infra.job;
