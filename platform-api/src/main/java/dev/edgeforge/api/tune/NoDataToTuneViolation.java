package dev.edgeforge.api.tune;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** The project has nothing the tuner can learn from, or data the tuner does not search (409). */
class NoDataToTuneViolation extends EdgeForgeException {

    static final ProblemType TYPE = new ProblemType("no-data-to-tune", HttpStatus.CONFLICT, "Nothing to tune on");

    NoDataToTuneViolation(String detail) {
        super(TYPE, detail);
    }
}
