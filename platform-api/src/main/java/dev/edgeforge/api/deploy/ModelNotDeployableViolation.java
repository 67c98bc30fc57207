package dev.edgeforge.api.deploy;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** The model's file cannot be compiled for a device (not int8, an operator the generator lacks, a broken file). */
public class ModelNotDeployableViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("model-not-deployable", HttpStatus.UNPROCESSABLE_CONTENT, "Model cannot be deployed");

    public ModelNotDeployableViolation(String detail, Throwable cause) {
        super(TYPE, detail, cause);
    }
}
