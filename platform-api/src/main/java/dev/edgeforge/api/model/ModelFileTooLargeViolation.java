package dev.edgeforge.api.model;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** An uploaded model file is larger than the import accepts (413). */
public class ModelFileTooLargeViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("model-file-too-large", HttpStatus.CONTENT_TOO_LARGE, "Model file too large");

    public ModelFileTooLargeViolation(String fileName, long size, long limit) {
        super(
                TYPE,
                "The file '" + fileName + "' has " + size + " bytes; models of at most " + limit
                        + " bytes can be imported (a microcontroller model is far smaller).");
    }
}
