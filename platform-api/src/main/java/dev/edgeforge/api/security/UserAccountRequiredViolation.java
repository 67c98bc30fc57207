package dev.edgeforge.api.security;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** A project API key called an endpoint that acts for a person (tokens, project creation, admin) (403). */
public class UserAccountRequiredViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("user-account-required", HttpStatus.FORBIDDEN, "A user account is required");

    public UserAccountRequiredViolation() {
        super(TYPE, "Project API keys cannot call this endpoint; use a personal access token or sign in.");
    }
}
