package dev.edgeforge.api.model;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** The model is still training, failed or was cancelled, so it cannot be used yet (409). */
public class ModelNotReadyViolation extends EdgeForgeException {

    public static final ProblemType TYPE = new ProblemType("model-not-ready", HttpStatus.CONFLICT, "Model not ready");

    public ModelNotReadyViolation(String name, ModelState state) {
        super(
                TYPE,
                "The model '" + name + "' is " + state.value() + ", not ready; "
                        + (state == ModelState.TRAINING ? "wait for training to finish." : "train it again."));
    }
}
