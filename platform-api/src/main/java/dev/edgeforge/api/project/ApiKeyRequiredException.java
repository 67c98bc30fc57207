package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** An endpoint that works on the project of the calling API key was called without one (401). */
public class ApiKeyRequiredException extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("api-key-required", HttpStatus.UNAUTHORIZED, "Project API key required");

    public ApiKeyRequiredException() {
        super(TYPE, "This endpoint identifies the project by its API key; send the key in the 'x-api-key' header.");
    }
}
