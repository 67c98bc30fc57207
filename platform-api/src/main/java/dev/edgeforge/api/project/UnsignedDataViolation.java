package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import dev.edgeforge.core.format.ei.EiSignatureStatus;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Data sent with an API key to a project that requires signed data, without a signature that verified (401: the
 * data itself is not authenticated). See {@link SignedDataPolicy}.
 */
public class UnsignedDataViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("signed-data-required", HttpStatus.UNAUTHORIZED, "Signed data required");

    public UnsignedDataViolation(String fileName, Optional<EiSignatureStatus> signature) {
        super(
                TYPE,
                "'" + fileName + "' " + why(signature) + "; this project requires data sent with an API key to "
                        + "be an Edge Impulse message signed (alg HS256) with one of the project's HMAC keys.");
    }

    private static String why(Optional<EiSignatureStatus> signature) {
        if (signature.isEmpty()) {
            return "is in a format that cannot carry a signature";
        }
        return switch (signature.get()) {
            case NOT_SIGNED -> "is not signed (alg: none)";
            case NOT_VERIFIED -> "is signed, but the project has no HMAC key to verify its signature";
            case INVALID -> "is signed, but its signature does not match any of the project's HMAC keys";
            case VERIFIED -> "is signed";
        };
    }
}
