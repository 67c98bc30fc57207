package dev.edgeforge.api.job;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The job exists but has written no result (yet, or ever: it failed or was cancelled before). */
public class JobResultNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("job-result-not-found", HttpStatus.NOT_FOUND, "Job has no result");

    private final UUID jobId;

    public JobResultNotFoundException(UUID jobId, JobStatus state) {
        super(
                TYPE,
                "Job " + jobId + " has no result"
                        + (state.isTerminal()
                                ? "; it ended " + state + " without one."
                                : " yet; it is " + state + "."));
        this.jobId = jobId;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("jobId", jobId.toString());
    }
}
