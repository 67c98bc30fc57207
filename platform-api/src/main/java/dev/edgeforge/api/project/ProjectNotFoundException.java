package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * The project does not exist, or the caller may not know that it does (not a member, another project's key).
 * Both cases answer the same, so ids of other people's projects leak nothing (404).
 */
public class ProjectNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("project-not-found", HttpStatus.NOT_FOUND, "Project not found");

    public ProjectNotFoundException(UUID projectId) {
        super(
                TYPE,
                "No project with id " + projectId + " exists that you can access; check the id, or ask an "
                        + "owner to add you.",
                Map.of("projectId", projectId.toString()));
    }
}
