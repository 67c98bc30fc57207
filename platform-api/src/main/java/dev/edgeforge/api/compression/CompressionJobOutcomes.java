package dev.edgeforge.api.compression;

import dev.edgeforge.api.job.JobCancelled;
import dev.edgeforge.api.job.JobEnded;
import dev.edgeforge.api.job.JobFailed;
import dev.edgeforge.api.job.JobStarted;
import dev.edgeforge.api.job.JobStatus;
import dev.edgeforge.api.job.JobSucceeded;
import dev.edgeforge.jobs.compress.CompressJobPayload;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each {@code model_compression_job} row in step with its {@code compress} job: running once a worker took it,
 * then succeeded with its result (the report and the variants' keys), failed or cancelled with why. Only open rows
 * change, so an event that comes twice or late changes nothing; a job of another feature finds no row.
 */
@Component
class CompressionJobOutcomes {

    private final CompressionRepository compressions;

    CompressionJobOutcomes(CompressionRepository compressions) {
        this.compressions = compressions;
    }

    @EventListener
    void on(JobStarted started) {
        if (CompressJobPayload.TYPE.equals(started.type())) {
            compressions.markRunning(started.jobId(), started.startedAt());
        }
    }

    @EventListener
    void on(JobEnded ended) {
        if (!CompressJobPayload.TYPE.equals(ended.type())) {
            return;
        }
        String result = ended instanceof JobSucceeded succeeded ? succeeded.result() : null;
        String error = ended instanceof JobFailed failed
                ? failed.error()
                : ended instanceof JobCancelled cancelled ? cancelled.reason() : null;
        compressions.end(ended.jobId(), JobStatus.of(ended), result, error, ended.finishedAt());
    }
}
