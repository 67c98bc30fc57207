package dev.edgeforge.api.compression;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** The model can never be compressed: not a classifier, imported, or without its trained network (400). */
public class ModelNotCompressibleViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("model-not-compressible", HttpStatus.BAD_REQUEST, "Model cannot be compressed");

    public ModelNotCompressibleViolation(String detail) {
        super(TYPE, detail);
    }
}
