package dev.edgeforge.api.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ProblemDetail;

/** Builds problem bodies in the one shape every EdgeForge error has. */
public final class Problems {

    private Problems() {}

    /** A problem of the given type with its fixed title, the type URI and the {@code code} extension. */
    public static ProblemDetail detail(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        problem.setProperty("code", type.code());
        return problem;
    }

    /**
     * The problem as an ordered map in wire form, for places that write JSON themselves (security filters)
     * instead of going through Spring MVC's message converters.
     */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
