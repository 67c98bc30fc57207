package dev.edgeforge.api.sample;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * A file sent alone (the Edge Impulse {@code /data} endpoints) cannot be stored as a sample (400): it is malformed,
 * of an unsupported kind, or its HMAC signature does not verify. The detail names the file and the reason.
 */
public class SampleFileViolation extends EdgeForgeException {

    public static final ProblemType MALFORMED =
            new ProblemType("sample-malformed", HttpStatus.BAD_REQUEST, "Sample file is malformed");
    public static final ProblemType UNSUPPORTED =
            new ProblemType("sample-unsupported", HttpStatus.BAD_REQUEST, "Sample file is not supported");
    public static final ProblemType INVALID_SIGNATURE =
            new ProblemType("sample-signature-invalid", HttpStatus.BAD_REQUEST, "Sample signature is not valid");

    public static final ProblemType NO_LABEL_IN_NAME = new ProblemType(
            "label-not-in-file-name", HttpStatus.BAD_REQUEST, "The file name gives no label by the label rule");

    public SampleFileViolation(ProblemType type, String detail) {
        super(type, detail);
    }
}
