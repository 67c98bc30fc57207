package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** The user is already a member (409). */
public class MemberExistsViolation extends EdgeForgeException {

    public static final ProblemType TYPE = new ProblemType("member-exists", HttpStatus.CONFLICT, "Already a member");

    public MemberExistsViolation(String email) {
        super(TYPE, email + " is already a member of this project; change their role instead.");
    }
}
