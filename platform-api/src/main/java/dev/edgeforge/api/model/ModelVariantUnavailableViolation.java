package dev.edgeforge.api.model;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** The model has no file of the asked variant, e.g. no int8 file for a float32 import without calibration (409). */
public class ModelVariantUnavailableViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("model-variant-unavailable", HttpStatus.CONFLICT, "Model variant not available");

    public ModelVariantUnavailableViolation(String detail) {
        super(TYPE, detail);
    }
}
