package dev.edgeforge.api.sample.dataset;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** A dataset version name is blank, too long, or already used in the project (409 for a taken name). */
public class DatasetVersionNameViolation extends EdgeForgeException {

    public static final ProblemType TAKEN =
            new ProblemType("dataset-version-name-taken", HttpStatus.CONFLICT, "Dataset version name already used");
    public static final ProblemType INVALID =
            new ProblemType("dataset-version-name-invalid", HttpStatus.BAD_REQUEST, "Dataset version name not valid");

    private DatasetVersionNameViolation(ProblemType type, String detail) {
        super(type, detail);
    }

    static DatasetVersionNameViolation taken(String name) {
        return new DatasetVersionNameViolation(
                TAKEN,
                "A dataset version named '" + name
                        + "' already exists in this project; versions never change, so choose another name.");
    }

    static DatasetVersionNameViolation invalid() {
        return new DatasetVersionNameViolation(INVALID, "Give the dataset version a name of 1 to 200 characters.");
    }
}
