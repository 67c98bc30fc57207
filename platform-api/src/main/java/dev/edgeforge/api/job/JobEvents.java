package dev.edgeforge.api.job;

import dev.edgeforge.infra.job.Job;
import java.util.Optional;

/** The event a job's current state tells. */
final class JobEvents {

    private JobEvents() {}

    /**
     * The event for the job as it is now; empty for a queued job (not started yet, or waiting for another attempt:
     * nothing a feature acts on).
     */
    static Optional<JobEvent> of(Job job) {
        return switch (job.state()) {
            case QUEUED -> Optional.empty();
            case RUNNING ->
                Optional.of(new JobStarted(job.id(), job.projectId(), job.type(), job.attempts(), job.startedAt()));
            case SUCCEEDED ->
                Optional.of(new JobSucceeded(job.id(), job.projectId(), job.type(), job.result(), job.finishedAt()));
            case FAILED ->
                Optional.of(new JobFailed(job.id(), job.projectId(), job.type(), job.error(), job.finishedAt()));
            case CANCELLED ->
                Optional.of(new JobCancelled(job.id(), job.projectId(), job.type(), job.error(), job.finishedAt()));
        };
    }
}
