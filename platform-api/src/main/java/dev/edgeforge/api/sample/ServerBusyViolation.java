package dev.edgeforge.api.sample;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Files being read already use the memory set aside for parsing ({@code edgeforge.datasets.parse-memory-bytes}) and
 * none was freed in time (503 with {@code Retry-After}); the file was not stored and can be sent again.
 */
public class ServerBusyViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("server-busy", HttpStatus.SERVICE_UNAVAILABLE, "Server is busy");

    private final long retryAfterSeconds;

    public ServerBusyViolation(String detail, long retryAfterSeconds) {
        super(TYPE, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public HttpHeaders getHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return headers;
    }
}
