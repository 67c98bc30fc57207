package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** A change would leave the project without an owner (409). */
public class LastOwnerViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("last-owner", HttpStatus.CONFLICT, "A project needs an owner");

    public LastOwnerViolation() {
        super(TYPE, "This is the project's only owner; make another member owner first, or delete the project.");
    }
}
