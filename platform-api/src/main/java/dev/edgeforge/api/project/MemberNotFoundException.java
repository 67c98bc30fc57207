package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The user is not a member of the project (404). */
public class MemberNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("member-not-found", HttpStatus.NOT_FOUND, "Member not found");

    public MemberNotFoundException(UUID userId) {
        super(TYPE, "The user " + userId + " is not a member of this project; list members to find the right id.");
    }
}
