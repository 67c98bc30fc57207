package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No API key with this id in the project (404). */
public class ApiKeyNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("api-key-not-found", HttpStatus.NOT_FOUND, "API key not found");

    public ApiKeyNotFoundException(UUID keyId) {
        super(TYPE, "This project has no API key with id " + keyId + "; it may have been revoked already.");
    }
}
