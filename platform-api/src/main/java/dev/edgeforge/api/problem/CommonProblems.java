package dev.edgeforge.api.problem;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/** Problem types that belong to no single feature: request syntax, authentication, routing, the unexpected. */
public final class CommonProblems {

    public static final ProblemType VALIDATION_FAILED =
            new ProblemType("validation-failed", HttpStatus.BAD_REQUEST, "Request is not valid");
    public static final ProblemType MALFORMED_REQUEST =
            new ProblemType("malformed-request", HttpStatus.BAD_REQUEST, "Request body cannot be read");
    public static final ProblemType INVALID_PARAMETER =
            new ProblemType("invalid-parameter", HttpStatus.BAD_REQUEST, "Request parameter is not valid");
    public static final ProblemType AUTHENTICATION_REQUIRED =
            new ProblemType("authentication-required", HttpStatus.UNAUTHORIZED, "Authentication required");
    public static final ProblemType INVALID_CREDENTIALS =
            new ProblemType("invalid-credentials", HttpStatus.UNAUTHORIZED, "Credentials not accepted");
    public static final ProblemType ACCESS_DENIED =
            new ProblemType("access-denied", HttpStatus.FORBIDDEN, "Access denied");
    public static final ProblemType CSRF_TOKEN_INVALID =
            new ProblemType("csrf-token-invalid", HttpStatus.FORBIDDEN, "CSRF token missing or invalid");
    public static final ProblemType NOT_FOUND =
            new ProblemType("not-found", HttpStatus.NOT_FOUND, "Resource not found");
    public static final ProblemType METHOD_NOT_ALLOWED =
            new ProblemType("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed");
    public static final ProblemType NOT_ACCEPTABLE =
            new ProblemType("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Response format not available");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            new ProblemType("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content type not supported");
    public static final ProblemType PAYLOAD_TOO_LARGE =
            new ProblemType("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request is too large");
    public static final ProblemType CONFLICT = new ProblemType("conflict", HttpStatus.CONFLICT, "Conflicting change");
    public static final ProblemType TEXT_NOT_STORABLE =
            new ProblemType("text-not-storable", HttpStatus.BAD_REQUEST, "Text cannot be stored");
    public static final ProblemType INTERNAL_ERROR =
            new ProblemType("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error");

    private CommonProblems() {}

    /** The generic type for a bare HTTP status (errors raised by the servlet container or a filter). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> AUTHENTICATION_REQUIRED;
            case 403 -> ACCESS_DENIED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 500 -> INTERNAL_ERROR;
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                if (known != null && (known.is4xxClientError() || known.is5xxServerError())) {
                    String code = known.name().toLowerCase(Locale.ROOT).replace('_', '-');
                    yield new ProblemType(code, known, known.getReasonPhrase());
                }
                yield INTERNAL_ERROR;
            }
        };
    }
}
