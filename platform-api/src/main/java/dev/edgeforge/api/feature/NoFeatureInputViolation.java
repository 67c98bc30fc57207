package dev.edgeforge.api.feature;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** Features cannot be generated: no enabled sample, or an impulse without processing blocks. */
public class NoFeatureInputViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("nothing-to-generate", HttpStatus.CONFLICT, "Nothing to generate features from");

    public NoFeatureInputViolation(String detail) {
        super(TYPE, detail);
    }
}
