package dev.edgeforge.api.impulse;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The project has no impulse version with this number. */
public class ImpulseVersionNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("impulse-version-not-found", HttpStatus.NOT_FOUND, "Impulse version not found");

    public ImpulseVersionNotFoundException(int version, int latest) {
        super(
                TYPE,
                latest == 0
                        ? "This project has no saved impulse yet, so there is no version " + version
                                + "; save one first."
                        : "This project has no impulse version " + version + "; versions run from 1 to " + latest + ".",
                Map.of("version", version));
    }
}
