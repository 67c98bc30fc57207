package dev.edgeforge.api.impulse;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** Something needs a saved impulse (features, costs of the saved design) but the project has none yet. */
public class ImpulseNotSavedViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("impulse-not-saved", HttpStatus.CONFLICT, "No impulse saved yet");

    public ImpulseNotSavedViolation(String what) {
        super(TYPE, what + " needs a saved impulse; design one and save it first.");
    }
}
