package dev.edgeforge.api.deploy;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The bundle was asked for before the deployment was ready (still building, failed or cancelled). */
public class DeploymentNotReadyViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("deployment-not-ready", HttpStatus.CONFLICT, "Deployment not ready");

    public DeploymentNotReadyViolation(UUID deploymentId, String state, String detail) {
        super(TYPE, detail, Map.of("deploymentId", deploymentId.toString(), "state", state));
    }
}
