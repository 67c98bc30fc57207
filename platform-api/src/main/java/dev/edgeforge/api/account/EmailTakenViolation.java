package dev.edgeforge.api.account;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.FieldProblem;
import dev.edgeforge.api.problem.ProblemType;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Registration with an email that already has an account (409). */
public class EmailTakenViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("email-taken", HttpStatus.CONFLICT, "Email already registered");

    public EmailTakenViolation(String email) {
        super(
                TYPE,
                "An account with the email " + email + " already exists; sign in instead.",
                List.of(new FieldProblem("email", "is already registered")),
                null);
    }
}
