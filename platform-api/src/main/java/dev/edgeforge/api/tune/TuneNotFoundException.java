package dev.edgeforge.api.tune;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No tune job with this id in this project, or no such candidate in its result (404). */
class TuneNotFoundException extends EdgeForgeException {

    static final ProblemType JOB = new ProblemType("tune-not-found", HttpStatus.NOT_FOUND, "Tune job not found");
    static final ProblemType CANDIDATE =
            new ProblemType("tune-candidate-not-found", HttpStatus.NOT_FOUND, "Tune candidate not found");

    private TuneNotFoundException(ProblemType type, String detail) {
        super(type, detail);
    }

    static TuneNotFoundException job(UUID jobId) {
        return new TuneNotFoundException(JOB, "There is no tune job " + jobId + " in this project.");
    }

    static TuneNotFoundException candidate(UUID jobId, String candidateId) {
        return new TuneNotFoundException(
                CANDIDATE,
                "Tune job " + jobId + " has no candidate '" + candidateId + "'; see its result's candidates.");
    }
}
