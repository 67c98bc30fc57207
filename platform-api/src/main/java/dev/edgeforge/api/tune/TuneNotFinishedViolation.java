package dev.edgeforge.api.tune;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** A candidate was applied from a tune job that has not succeeded (409). */
class TuneNotFinishedViolation extends EdgeForgeException {

    static final ProblemType TYPE = new ProblemType("tune-not-finished", HttpStatus.CONFLICT, "Tune job has no result");

    TuneNotFinishedViolation(UUID jobId, String state) {
        super(
                TYPE,
                "Tune job " + jobId + " is " + state + ", so it has no candidates to apply; apply one of a job that"
                        + " succeeded.");
    }
}
