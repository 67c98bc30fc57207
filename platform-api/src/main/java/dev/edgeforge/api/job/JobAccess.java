package dev.edgeforge.api.job;

import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectNotFoundException;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.infra.job.Job;
import dev.edgeforge.infra.job.JobQueue;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Finds a job the caller may act on: its project decides, and an invisible project means an invisible job. */
@Component
class JobAccess {

    private final JobQueue queue;
    private final ProjectAccess projects;

    JobAccess(JobQueue queue, ProjectAccess projects) {
        this.queue = queue;
        this.projects = projects;
    }

    Job require(UUID jobId, ProjectRole minimum) {
        Job job = queue.find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
        if (job.projectId() == null) {
            throw new JobNotFoundException(jobId);
        }
        try {
            projects.requireRole(job.projectId(), minimum);
        } catch (ProjectNotFoundException e) {
            throw new JobNotFoundException(jobId);
        }
        return job;
    }
}
