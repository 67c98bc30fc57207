package dev.edgeforge.api.job;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No such job, or it belongs to a project the caller cannot see (both answer the same). */
public class JobNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE = new ProblemType("job-not-found", HttpStatus.NOT_FOUND, "Job not found");

    private final UUID jobId;

    public JobNotFoundException(UUID jobId) {
        super(TYPE, "No job with id " + jobId + " exists in a project you can access; check the id.");
        this.jobId = jobId;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("jobId", jobId.toString());
    }
}
