package dev.edgeforge.api.sample.dataset;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No dataset version with this id in this project (404). */
public class DatasetVersionNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("dataset-version-not-found", HttpStatus.NOT_FOUND, "Dataset version not found");

    public DatasetVersionNotFoundException(UUID versionId) {
        super(
                TYPE,
                "No dataset version with id " + versionId + " exists in this project.",
                Map.of("versionId", versionId.toString()));
    }
}
