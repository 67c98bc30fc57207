package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No HMAC key with this id in the project (404). */
public class HmacKeyNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("hmac-key-not-found", HttpStatus.NOT_FOUND, "HMAC key not found");

    public HmacKeyNotFoundException(UUID keyId) {
        super(TYPE, "This project has no HMAC key with id " + keyId + "; it may have been deleted already.");
    }
}
