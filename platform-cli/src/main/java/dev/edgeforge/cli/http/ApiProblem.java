package dev.edgeforge.cli.http;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An answer of the platform that is not a success: the RFC 9457 problem it sent (its stable {@code code}, title and
 * detail, and the {@code errors[]} of a validation problem), or what the client could make of another body.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final String detail;
    private final List<String> errors;
    private final Duration retryAfter;

    public ApiProblem(int status, String code, String title, String detail, List<String> errors, Duration retryAfter) {
        super(describe(status, title, detail, errors));
        this.status = status;
        this.code = code;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** The problem's stable code ({@code upload-too-large}, {@code project-not-found}, …), or null. */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** What a {@code Retry-After} header asked for (429, 503), if anything. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static String describe(int status, String title, String detail, List<String> errors) {
        StringBuilder text = new StringBuilder();
        text.append(title == null || title.isBlank() ? "HTTP " + status : title);
        if (detail != null && !detail.isBlank()) {
            text.append(": ").append(detail);
        }
        for (String error : errors) {
            text.append(System.lineSeparator()).append("  ").append(error);
        }
        return text.toString();
    }
}
