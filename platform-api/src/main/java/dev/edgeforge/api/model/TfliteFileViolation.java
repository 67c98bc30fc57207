package dev.edgeforge.api.model;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** An uploaded {@code .tflite} file cannot be read or run; the detail names the problem (400). */
public class TfliteFileViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("tflite-invalid", HttpStatus.BAD_REQUEST, "TFLite file not accepted");

    public TfliteFileViolation(String fileName, String problem, Throwable cause) {
        super(TYPE, "The file '" + fileName + "' is not a usable TFLite model: " + problem, cause);
    }
}
