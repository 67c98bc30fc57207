package dev.edgeforge.api.model;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** A sample cannot be classified: its file does not parse or it does not fit the model's impulse (400). */
public class LiveClassificationViolation extends EdgeForgeException {

    public static final ProblemType SAMPLE_INVALID =
            new ProblemType("sample-not-classifiable", HttpStatus.BAD_REQUEST, "Sample cannot be classified");

    public LiveClassificationViolation(String detail, Throwable cause) {
        super(SAMPLE_INVALID, detail, cause);
    }
}
