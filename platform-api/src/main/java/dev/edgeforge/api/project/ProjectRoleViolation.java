package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** A member tried something their role does not allow (403). */
public class ProjectRoleViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("project-role-too-low", HttpStatus.FORBIDDEN, "Project role does not allow this");

    public ProjectRoleViolation(ProjectRole actual, ProjectRole needed) {
        super(
                TYPE,
                "Your role in this project is " + actual.value() + "; this needs " + needed.value()
                        + (needed == ProjectRole.OWNER ? "" : " or higher") + ", ask a project owner or admin.");
    }

    public ProjectRoleViolation(String detail) {
        super(TYPE, detail);
    }
}
