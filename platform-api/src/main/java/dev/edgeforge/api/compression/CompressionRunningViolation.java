package dev.edgeforge.api.compression;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** A compress job of the model is still queued or running (409): one at a time per model. */
public class CompressionRunningViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("compression-running", HttpStatus.CONFLICT, "Compression already running");

    public CompressionRunningViolation(String modelName, UUID jobId) {
        super(
                TYPE,
                "The model '" + modelName + "' is being compressed by job " + jobId
                        + "; wait for it to finish or cancel it first.",
                Map.of("jobId", jobId.toString()));
    }
}
