package dev.edgeforge.api.problem;

import java.net.URI;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * One kind of error: a stable machine-readable {@code code} (kebab-case, never renamed once published), its HTTP
 * status and its fixed human title. The varying part of an error goes into the detail, not the title.
 *
 * @param code   stable identifier, e.g. {@code project-not-found}
 * @param status HTTP status of responses of this type
 * @param title  short summary that is the same for every occurrence
 */
public record ProblemType(String code, HttpStatus status, String title) {

    private static final String TYPE_URI_PREFIX = "tag:edgeforge.dev,2025:problem:";

    public ProblemType {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(title, "title");
        if (!code.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("Problem code must be kebab-case: " + code);
        }
    }

    /**
     * The RFC 9457 {@code type} member: a non-resolvable tag URI (RFC 4151) naming this problem type, so clients can
     * match on it without it pretending to be a web page.
     */
    public URI uri() {
        return URI.create(TYPE_URI_PREFIX + code);
    }
}
