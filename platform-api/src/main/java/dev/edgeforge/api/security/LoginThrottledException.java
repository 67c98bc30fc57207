package dev.edgeforge.api.security;

import java.time.Duration;
import org.springframework.security.authentication.AccountStatusException;

/**
 * A browser sign-in refused because too many sign-ins failed lately for the account or from the address; it stops
 * the authentication at once, whatever the password, and the sign-in page says so.
 */
public class LoginThrottledException extends AccountStatusException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public LoginThrottledException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
