package dev.edgeforge.infra.job;

import java.util.UUID;

/**
 * A job a worker has just claimed.
 *
 * @param lease       the run's fencing token
 * @param attempt     this run's number (1 for the first)
 * @param lastLogSeq  the highest log seq written so far (by earlier attempts), to continue numbering from
 */
record ClaimedJob(
        JobLease lease, UUID projectId, String type, String payload, int attempt, int maxAttempts, long lastLogSeq) {

    UUID id() {
        return lease.jobId();
    }
}
