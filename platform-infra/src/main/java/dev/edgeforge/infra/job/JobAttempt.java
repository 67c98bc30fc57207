package dev.edgeforge.infra.job;

import java.time.Instant;

/**
 * One run of a job on one worker, as the attempt history keeps it.
 *
 * @param run      1, 2, 3 … per job, one per claim
 * @param attempt  the attempt number the run counted as (a run handed back on shutdown gives its number back, so
 *                 the next run has the same one)
 * @param workerId the worker that ran it
 * @param host     the machine that worker ran on
 * @param startedAt when it was claimed
 * @param endedAt  when it ended, or {@code null} while it runs
 * @param outcome  {@code succeeded}, {@code failed}, {@code retrying} (failed, queued again), {@code cancelled},
 *                 {@code handed-back} (its worker shut down), {@code lease-expired} (its worker stopped responding);
 *                 {@code null} while it runs
 * @param reason   why it failed or ended, or {@code null}; kept when a later run succeeds
 * @param progress how far it got, 0..1 (for a running attempt: as of its end, so read the job's progress instead)
 */
public record JobAttempt(
        int run,
        int attempt,
        String workerId,
        String host,
        Instant startedAt,
        Instant endedAt,
        String outcome,
        String reason,
        double progress) {}
