package dev.edgeforge.api.impulse;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.FieldProblem;
import dev.edgeforge.api.problem.ProblemType;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An impulse that is valid on its own but cannot work on the project's samples (axes no sample has, a rate far from
 * the data's, a window no sample fills): 422 with each field in {@code errors[]}, so the mistake is fixed where it is
 * made rather than when the features job fails.
 */
public class ImpulseDataMismatchViolation extends EdgeForgeException {

    public static final ProblemType TYPE = new ProblemType(
            "impulse-does-not-fit-data", HttpStatus.UNPROCESSABLE_CONTENT, "Impulse does not fit the data");

    public ImpulseDataMismatchViolation(List<FieldProblem> errors) {
        super(
                TYPE,
                "The impulse does not fit the project's samples: "
                        + errors.get(0).field() + " "
                        + errors.get(0).message()
                        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more problems)." : ".")
                        + " GET .../impulse/suggestion gives an impulse made for this data.",
                errors,
                null);
    }
}
