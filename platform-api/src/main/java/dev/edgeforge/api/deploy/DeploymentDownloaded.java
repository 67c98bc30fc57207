package dev.edgeforge.api.deploy;

import dev.edgeforge.api.project.ProjectActivity;
import dev.edgeforge.api.security.EdgeForgePrincipal;
import java.util.Map;
import java.util.UUID;

/** A deployment's bundle (firmware, library) was handed out: the project's model left the server. */
public record DeploymentDownloaded(
        UUID projectId,
        EdgeForgePrincipal actor,
        UUID deploymentId,
        UUID modelId,
        String modelName,
        String target,
        String format)
        implements ProjectActivity {

    @Override
    public String action() {
        return "deployment.downloaded";
    }

    @Override
    public String target() {
        return "deployment/" + deploymentId;
    }

    @Override
    public String summary() {
        return "Deployment of \u201c" + modelName + "\u201d for " + target + " (" + format + ") downloaded";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("modelId", modelId.toString(), "modelName", modelName, "target", target, "format", format);
    }
}
