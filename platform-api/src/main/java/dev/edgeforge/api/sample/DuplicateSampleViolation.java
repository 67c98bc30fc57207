package dev.edgeforge.api.sample;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** Duplicates were refused ({@code x-disallow-duplicates}) and the project already holds this content (409). */
public class DuplicateSampleViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("duplicate-sample", HttpStatus.CONFLICT, "Sample already exists");

    public DuplicateSampleViolation(String detail) {
        super(TYPE, detail);
    }
}
