package dev.edgeforge.api.sample;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** An upload is larger than {@code edgeforge.datasets.max-upload-bytes} / {@code max-request-bytes} (413). */
public class UploadTooLargeViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("upload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Upload is too large");

    public UploadTooLargeViolation(String what, long limitBytes) {
        super(
                TYPE,
                what + " is larger than the limit of " + describe(limitBytes)
                        + "; split it into smaller files or ask the administrator to raise edgeforge.datasets limits.");
    }

    private UploadTooLargeViolation(String detail) {
        super(TYPE, detail);
    }

    /**
     * A file within the byte limit that declares more than the server decodes (an image's pixels, a decompression
     * bomb), with the parser's message naming the file and the limit.
     */
    static UploadTooLargeViolation declared(String problem) {
        return new UploadTooLargeViolation(problem + "; nothing of it was stored.");
    }

    static String describe(long bytes) {
        return ByteSizes.describe(bytes);
    }
}
