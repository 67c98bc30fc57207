package dev.edgeforge.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Decides which {@code /api/**} requests need a CSRF token: unsafe methods that ride on a live browser session.
 *
 * <p>CSRF exploits credentials the browser attaches by itself (the session cookie). Requests carrying a bearer
 * token or an API key cannot be forged cross-site (custom headers need a CORS preflight this server never
 * grants), and requests without a live session have no ambient credentials to abuse, so both are exempt. The
 * browser's own pages send the token in {@code X-CSRF-TOKEN} (see {@code static/js/app.js}).
 */
final class SessionCsrfRequestMatcher implements RequestMatcher {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "TRACE", "OPTIONS");

    @Override
    public boolean matches(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        if (BearerTokenAuthenticationFilter.hasBearerToken(request) || ApiKeyAuthenticationFilter.hasApiKey(request)) {
            return false;
        }
        return request.getRequestedSessionId() != null && request.isRequestedSessionIdValid();
    }
}
