package dev.edgeforge.api.account;

import dev.edgeforge.api.problem.CommonProblems;
import dev.edgeforge.api.problem.EdgeForgeException;

/** Wrong email or password at sign-in (401). Does not say which of the two was wrong, on purpose. */
public class InvalidCredentialsException extends EdgeForgeException {

    public InvalidCredentialsException() {
        super(CommonProblems.INVALID_CREDENTIALS, "The email or password is wrong; check both and try again.");
    }
}
