package dev.edgeforge.api.sample;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * A ZIP archive, or one of its entries, expands more than {@code edgeforge.datasets.max-compression-ratio} times its
 * compressed size: a compression bomb (413). The request is refused whole and nothing of it is stored.
 */
public class CompressionBombViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("compression-bomb", HttpStatus.CONTENT_TOO_LARGE, "Archive expands too much");

    public CompressionBombViolation(String detail) {
        super(TYPE, detail);
    }
}
