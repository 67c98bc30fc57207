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

    private final UUID sampleId;

    public SampleNotFoundException(UUID sampleId) {
        super(TYPE, "No sample with id " + sampleId + " exists in this project; it may have been deleted.");
        this.sampleId = sampleId;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("sampleId", sampleId.toString());
    }
}
