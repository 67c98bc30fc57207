package dev.edgeforge.api.project;

import org.springframework.http.HttpStatus;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;

/** A change would leave the project without an owner (409). */
public class LastOwnerViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("last-owner", HttpStatus.CONFLICT, "A project needs an owner");

    public LastOwnerViolation() {
        super(TYPE, "This is the project's only owner; make another member owner first, or delete the project.");
    }
}
