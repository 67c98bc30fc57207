package dev.edgeforge.api.security;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** A signed-in user who is not a platform administrator called an administrator-only operation (403). */
public class AdminRoleViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("admin-required", HttpStatus.FORBIDDEN, "Administrator role required");

    public AdminRoleViolation() {
        super(TYPE, "Only platform administrators can do this; ask an administrator.");
    }
}
