package dev.edgeforge.api.impulse;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Something needs a saved impulse (features, costs of the saved design) but the project has none yet. */
public class ImpulseNotSavedViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("impulse-not-saved", HttpStatus.CONFLICT, "No impulse saved yet");

    /** @param what what needs the impulse, as the start of a sentence ("Feature generation") */
    public ImpulseNotSavedViolation(String what, UUID projectId) {
        super(
                TYPE,
                what + " needs a saved impulse and the project has none yet: save one with PUT /api/v1/projects/"
                        + projectId + "/impulse (GET /api/v1/projects/" + projectId + "/impulse/suggestion gives "
                        + "one made for the project's samples, in the JSON PUT takes) or on the impulse page.");
    }
}
