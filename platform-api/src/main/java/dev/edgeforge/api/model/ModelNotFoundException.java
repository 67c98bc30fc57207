package dev.edgeforge.api.model;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No model with this id in the project (404). */
public class ModelNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE = new ProblemType("model-not-found", HttpStatus.NOT_FOUND, "Model not found");

    public ModelNotFoundException(UUID modelId) {
        super(
                TYPE,
                "The project has no model with id " + modelId + "; list the project's models for the ids.",
                Map.of("modelId", modelId.toString()));
    }
}
