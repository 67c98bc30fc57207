package dev.edgeforge.api.model;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** Live classification of a sample the project does not have (404). */
public class SampleNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("sample-not-found", HttpStatus.NOT_FOUND, "Sample not found");

    public SampleNotFoundException(String sampleId) {
        super(TYPE, "The project has no sample with id '" + sampleId + "'; choose a sample of the test set.");
    }
}
