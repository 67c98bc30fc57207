package dev.edgeforge.api.account;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Too many failed sign-ins for an account or from an address (429, with {@code Retry-After} in seconds). */
public class LoginThrottledViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("login-throttled", HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins");

    private final Duration retryAfter;

    /** @param whose "for this account" or "from your address (…)" */
    LoginThrottledViolation(String whose, Duration retryAfter) {
        super(
                TYPE,
                "Too many failed sign-ins " + whose + "; sign-in is refused, even with the right password, " + "for "
                        + describe(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    long retryAfterSeconds() {
        return wholeSeconds(retryAfter);
    }

    @Override
    public HttpHeaders getHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()));
        return headers;
    }

    /** Rounded up and never 0: Retry-After: 0 would invite an immediate retry. */
    private static long wholeSeconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }

    private static String describe(Duration wait) {
        long seconds = wholeSeconds(wait);
        if (seconds < 60) {
            return seconds == 1 ? "another second" : "another " + seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "about a minute" : "about " + minutes + " minutes";
    }
}
