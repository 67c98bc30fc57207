package dev.edgeforge.api.deploy;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No deployment with this id in the project. */
public class DeploymentNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("deployment-not-found", HttpStatus.NOT_FOUND, "Deployment not found");

    public DeploymentNotFoundException(UUID projectId, UUID deploymentId) {
        super(
                TYPE,
                "Project " + projectId + " has no deployment " + deploymentId + "; check the id.",
                Map.of("deploymentId", deploymentId.toString()));
    }
}
