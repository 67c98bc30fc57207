package dev.edgeforge.api.feature;

import dev.edgeforge.api.job.JobCancelled;
import dev.edgeforge.api.job.JobEnded;
import dev.edgeforge.api.job.JobFailed;
import dev.edgeforge.api.job.JobStarted;
import dev.edgeforge.api.job.JobStatus;
import dev.edgeforge.api.job.JobSucceeded;
import dev.edgeforge.jobs.feature.FeatureJobPayload;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each {@code feature_generation} row in step with its {@code features} job: running once a worker took it,
 * then succeeded with its result (counts, labels, the manifest and feature set keys), failed or cancelled with why.
 * Only open rows change, so an event that comes twice or late changes nothing.
 */
@Component
class FeatureGenerationOutcomes {

    private final FeatureGenerationRepository runs;

    FeatureGenerationOutcomes(FeatureGenerationRepository runs) {
        this.runs = runs;
    }

    @EventListener
    void on(JobStarted started) {
        if (FeatureJobPayload.TYPE.equals(started.type())) {
            runs.markRunning(started.jobId(), started.startedAt());
        }
    }

    @EventListener
    void on(JobEnded ended) {
        if (!FeatureJobPayload.TYPE.equals(ended.type())) {
            return;
        }
        String result = ended instanceof JobSucceeded succeeded ? succeeded.result() : null;
        String error = ended instanceof JobFailed failed
                ? failed.error()
                : ended instanceof JobCancelled cancelled ? cancelled.reason() : null;
        runs.end(ended.jobId(), JobStatus.of(ended), result, error, ended.finishedAt());
    }
}
