package dev.edgeforge.api.sample;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * An operation does not fit the sample (400): cropping an image, a crop range outside the sample, a split that
 * finds no segment, and the like. The detail says what and why.
 */
public class SampleOperationViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("sample-operation-invalid", HttpStatus.BAD_REQUEST, "Operation does not fit the sample");

    public SampleOperationViolation(String detail) {
        super(TYPE, detail);
    }
}
