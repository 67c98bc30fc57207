package dev.edgeforge.api.deploy;

import dev.edgeforge.api.job.JobCancelled;
import dev.edgeforge.api.job.JobEnded;
import dev.edgeforge.api.job.JobFailed;
import dev.edgeforge.api.job.JobStarted;
import dev.edgeforge.api.job.JobSucceeded;
import dev.edgeforge.jobs.deploy.DeployJobPayload;
import dev.edgeforge.jobs.deploy.DeployResult;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps each deployment's row in step with its {@code deploy} job: building once a firmware builder took it, then
 * ready with the job's result (sizes, memory report, verification, bundle), failed with its error, or cancelled.
 *
 * <p>The repository changes only open rows ({@code queued}, {@code building}), so an event that comes twice or late
 * (a start published after the end) changes nothing.
 */
@Component
class DeploymentJobOutcomes {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final DeploymentRepository deployments;

    DeploymentJobOutcomes(DeploymentRepository deployments) {
        this.deployments = deployments;
    }

    @EventListener
    void on(JobStarted started) {
        if (DeployJobPayload.TYPE.equals(started.type())) {
            deployments.findByJob(started.jobId()).ifPresent(d -> deployments.markBuilding(d.id()));
        }
    }

    @EventListener
    void on(JobEnded ended) {
        if (!DeployJobPayload.TYPE.equals(ended.type())) {
            return;
        }
        Optional<Deployment> deployment = deployments.findByJob(ended.jobId());
        if (deployment.isEmpty() || deployment.get().state().isTerminal()) {
            return;
        }
        Deployment d = deployment.get();
        if (ended instanceof JobSucceeded succeeded) {
            complete(d, succeeded);
        } else if (ended instanceof JobFailed failed) {
            deployments.end(d.id(), DeploymentState.FAILED, failed.error(), ended.finishedAt());
        } else {
            String reason = ((JobCancelled) ended).reason();
            deployments.end(
                    d.id(), DeploymentState.CANCELLED, reason == null ? "cancelled" : reason, ended.finishedAt());
        }
    }

    private void complete(Deployment deployment, JobSucceeded succeeded) {
        DeployResult result;
        try {
            result = succeeded.result() == null ? null : JSON.readValue(succeeded.result(), DeployResult.class);
        } catch (JacksonException | IllegalArgumentException e) {
            deployments.end(
                    deployment.id(),
                    DeploymentState.FAILED,
                    "the deploy job's result cannot be read: " + e.getMessage(),
                    succeeded.finishedAt());
            return;
        }
        if (result == null || result.bundle() == null || !deployment.id().equals(result.deploymentId())) {
            deployments.end(
                    deployment.id(),
                    DeploymentState.FAILED,
                    "the deploy job's result names no bundle of this deployment",
                    succeeded.finishedAt());
            return;
        }
        deployments.complete(
                deployment.id(),
                JSON.writeValueAsString(result.sizes()),
                JSON.writeValueAsString(result.memoryReport()),
                JSON.writeValueAsString(result.verification()),
                result.verification() != null && result.verification().verified(),
                result.bundle().key(),
                result.bundle().fileName(),
                result.bundle().bytes(),
                result.bundle().sha256(),
                result.checklist() == null ? null : JSON.writeValueAsString(result.checklist()),
                succeeded.finishedAt());
    }
}
