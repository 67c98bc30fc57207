package dev.edgeforge.api.deploy;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No model with this id in the project, or none with an int8 .tflite to deploy. */
public class DeployableModelNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE = new ProblemType("model-not-found", HttpStatus.NOT_FOUND, "Model not found");

    public DeployableModelNotFoundException(UUID projectId, UUID modelId) {
        super(
                TYPE,
                "Project " + projectId + " has no model " + modelId
                        + " with an int8 .tflite; train and quantize a model (or import one) first, then deploy it.",
                Map.of("modelId", modelId.toString()));
    }
}
