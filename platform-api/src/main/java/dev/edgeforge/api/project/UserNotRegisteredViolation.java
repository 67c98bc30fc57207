package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.FieldProblem;
import dev.edgeforge.api.problem.ProblemType;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A member was to be added by an email that has no account (422). */
public class UserNotRegisteredViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("user-not-registered", HttpStatus.UNPROCESSABLE_CONTENT, "No account with this email");

    public UserNotRegisteredViolation(String email) {
        super(
                TYPE,
                "No account uses the email " + email + "; ask them to register first, then add them.",
                List.of(new FieldProblem("email", "has no account")),
                null);
    }
}
