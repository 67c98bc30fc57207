package dev.edgeforge.api.impulse;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** An impulse suggestion needs samples, and the project has no enabled one (409). */
public class NoDataToSuggestFromViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("no-data-to-suggest-from", HttpStatus.CONFLICT, "No data to suggest an impulse from");

    public NoDataToSuggestFromViolation(UUID projectId) {
        super(
                TYPE,
                "The project has no enabled sample to suggest an impulse from; upload data first (POST /api/v1/"
                        + "projects/" + projectId + "/samples) or enable samples.");
    }
}
