package dev.edgeforge.api.compression;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No model with this id in the project (404); the same problem code as the models feature's. */
public class CompressionModelNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE = new ProblemType("model-not-found", HttpStatus.NOT_FOUND, "Model not found");

    public CompressionModelNotFoundException(UUID modelId) {
        super(
                TYPE,
                "The project has no model with id " + modelId + "; list the project's models for the ids.",
                Map.of("modelId", modelId.toString()));
    }
}
