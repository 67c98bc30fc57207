package dev.edgeforge.api.job;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No such job, or it belongs to a project the caller cannot see (both answer the same). */
public class JobNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE = new ProblemType("job-not-found", HttpStatus.NOT_FOUND, "Job not found");

    public JobNotFoundException(UUID jobId) {
        super(
                TYPE,
                "No job with id " + jobId + " exists in a project you can access; check the id.",
                Map.of("jobId", jobId.toString()));
    }
}
