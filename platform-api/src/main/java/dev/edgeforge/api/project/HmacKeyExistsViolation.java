package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** The project already has an HMAC key with this secret (409): one key verifies the data once is enough. */
public class HmacKeyExistsViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("hmac-key-exists", HttpStatus.CONFLICT, "HMAC key already present");

    public HmacKeyExistsViolation(String existingName) {
        super(TYPE, "This project already has this HMAC key, named \u201c" + existingName + "\u201d.");
    }
}
