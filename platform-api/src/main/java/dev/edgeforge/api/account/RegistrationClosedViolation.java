package dev.edgeforge.api.account;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** Self-registration while an administrator has closed it (403). */
public class RegistrationClosedViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("registration-closed", HttpStatus.FORBIDDEN, "Registration is closed");

    public RegistrationClosedViolation() {
        super(
                TYPE,
                "This server does not accept new accounts: ask a project owner for an invite link, or an "
                        + "administrator to create your account or to open registration.");
    }
}
