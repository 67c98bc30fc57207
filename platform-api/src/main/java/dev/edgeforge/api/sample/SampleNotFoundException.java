package dev.edgeforge.api.sample;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No sample with this id in this project (404); samples of other projects answer the same. */
public class SampleNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("sample-not-found", HttpStatus.NOT_FOUND, "Sample not found");

    public SampleNotFoundException(UUID sampleId) {
        super(
                TYPE,
                "No sample with id " + sampleId + " exists in this project; it may have been deleted.",
                Map.of("sampleId", sampleId.toString()));
    }
}
