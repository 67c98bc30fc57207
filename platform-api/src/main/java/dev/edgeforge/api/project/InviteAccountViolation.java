package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * An invite accepted by the wrong person: the invited email has an account and the caller is not signed in as it
 * (401 when anonymous, 403 when signed in as someone else).
 */
public class InviteAccountViolation extends EdgeForgeException {

    public static final ProblemType SIGN_IN =
            new ProblemType("invite-sign-in-required", HttpStatus.UNAUTHORIZED, "Sign in to accept the invite");
    public static final ProblemType OTHER_ACCOUNT =
            new ProblemType("invite-for-another-account", HttpStatus.FORBIDDEN, "The invite is for another account");

    private InviteAccountViolation(ProblemType type, String detail) {
        super(type, detail);
    }

    static InviteAccountViolation signInRequired(String email) {
        return new InviteAccountViolation(
                SIGN_IN,
                "An account with the email " + email + " exists: sign in as " + email
                        + " (or send its bearer token), then accept the invite.");
    }

    static InviteAccountViolation otherAccount(String email, String signedIn) {
        return new InviteAccountViolation(
                OTHER_ACCOUNT,
                "This invite is for " + email + ", but you are signed in as " + signedIn + "; sign in as " + email
                        + " to accept it.");
    }
}
