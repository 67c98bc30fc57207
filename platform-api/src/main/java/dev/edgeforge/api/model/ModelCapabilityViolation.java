package dev.edgeforge.api.model;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * The model cannot do what was asked: an imported model without class labels cannot be tested, one without an impulse
 * cannot classify raw samples, one whose input does not match the current features cannot run on them (409).
 */
public class ModelCapabilityViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("model-capability-missing", HttpStatus.CONFLICT, "Model cannot do this");

    public ModelCapabilityViolation(String detail) {
        super(TYPE, detail);
    }
}
