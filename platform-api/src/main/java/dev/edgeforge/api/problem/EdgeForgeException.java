package dev.edgeforge.api.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * Base of every error EdgeForge raises on purpose. It carries a {@link ProblemType} (stable code, status, fixed
 * title) and a one-sentence detail; the message is the detail, so it must not contain secrets or internals.
 *
 * <p>Subclasses are named {@code <Thing>NotFoundException} or {@code <Rule>Violation} and fix their type. Being an
 * {@link ErrorResponse}, an instance thrown from a page controller also becomes the right HTTP status with an HTML
 * error page.
 */
public abstract class EdgeForgeException extends RuntimeException implements ErrorResponse {

    private final ProblemType type;
    private final List<FieldProblem> errors;
    private final Map<String, Object> extensions;

    protected EdgeForgeException(ProblemType type, String detail) {
        this(type, detail, List.of(), null);
    }

    /**
     * A problem whose body carries fixed extra members, e.g. {@code Map.of("modelId", id.toString())}; see {@link
     * #extensions()} for the values allowed.
     */
    protected EdgeForgeException(ProblemType type, String detail, Map<String, Object> extensions) {
        this(type, detail, List.of(), null, extensions);
    }

    protected EdgeForgeException(ProblemType type, String detail, Throwable cause) {
        this(type, detail, List.of(), cause);
    }

    protected EdgeForgeException(ProblemType type, String detail, List<FieldProblem> errors, Throwable cause) {
        this(type, detail, errors, cause, Map.of());
    }

    private EdgeForgeException(
            ProblemType type,
            String detail,
            List<FieldProblem> errors,
            Throwable cause,
            Map<String, Object> extensions) {
        super(Objects.requireNonNull(detail, "detail"), cause);
        this.type = Objects.requireNonNull(type, "type");
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public ProblemType type() {
        return type;
    }

    public String code() {
        return type.code();
    }

    public String detail() {
        return getMessage();
    }

    /** Field-level errors for {@code errors[]}; empty for most problems. */
    public List<FieldProblem> errors() {
        return errors;
    }

    /**
     * Extra members of the problem body beyond the standard ones, e.g. {@code projectId}: those given to the
     * constructor, or override to compute them; values must be JSON-friendly (strings, numbers, booleans, lists,
     * maps).
     */
    public Map<String, Object> extensions() {
        return extensions;
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return type.status();
    }

    @Override
    public ProblemDetail getBody() {
        ProblemDetail body = Problems.detail(type, getMessage());
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        new LinkedHashMap<>(extensions()).forEach(body::setProperty);
        return body;
    }
}
