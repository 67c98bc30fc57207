package dev.edgeforge.infra.job;

import java.util.UUID;

/**
 * A job a worker has just claimed.
 *
 * @param lease       the run's fencing token
 * @param attempt     this run's number (1 for the first)
 * @param lastLogSeq  the highest log seq written so far (by earlier attempts), to continue numbering from
 * @param previous    how the run before this one ended, or {@code null} for the first run
 */
record ClaimedJob(
        JobLease lease,
        UUID projectId,
        String type,
        String payload,
        int attempt,
        int maxAttempts,
        long lastLogSeq,
        PreviousRun previous) {

    /**
     * The run before this one, from the attempt history.
     *
     * @param outcome     how it ended (see {@link JobAttempt#outcome()})
     * @param lastLogLine the job's last log line before this run, or {@code null}
     */
    record PreviousRun(
            int attempt, String workerId, String outcome, String reason, double progress, String lastLogLine) {}

    UUID id() {
        return lease.jobId();
    }
}
