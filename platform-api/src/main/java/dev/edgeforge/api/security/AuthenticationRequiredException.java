package dev.edgeforge.api.security;

import dev.edgeforge.api.problem.CommonProblems;
import dev.edgeforge.api.problem.EdgeForgeException;

/** The request has no credentials but the operation needs a caller (401). */
public class AuthenticationRequiredException extends EdgeForgeException {

    public AuthenticationRequiredException() {
        super(
                CommonProblems.AUTHENTICATION_REQUIRED,
                "Sign in, or send an 'Authorization: Bearer <token>' or 'x-api-key' header.");
    }
}
