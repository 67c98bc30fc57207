package dev.edgeforge.api.compression;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** The model has no finished compression (or not the one asked for), so there are no variants yet (404). */
public class CompressionReportNotFoundException extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("compression-report-not-found", HttpStatus.NOT_FOUND, "Compression report not found");

    public CompressionReportNotFoundException(String detail) {
        super(TYPE, detail);
    }
}
