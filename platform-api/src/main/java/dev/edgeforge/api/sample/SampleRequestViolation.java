package dev.edgeforge.api.sample;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.FieldProblem;
import dev.edgeforge.api.problem.ProblemType;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A parameter or body field of a sample or dataset request is not valid (400), e.g. an unknown category. */
public class SampleRequestViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("invalid-sample-request", HttpStatus.BAD_REQUEST, "Sample request is not valid");

    public SampleRequestViolation(String field, String message) {
        super(TYPE, "The field '" + field + "' " + message + ".", List.of(new FieldProblem(field, message)), null);
    }
}
