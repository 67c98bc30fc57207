package dev.edgeforge.api.security;

import dev.edgeforge.api.problem.ProblemResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Authenticates a project API key sent as {@code x-api-key} (the header Edge Impulse devices and scripts use). A
 * key that does not verify is answered 401 at once. A bearer token, when also present, wins: this filter then
 * does nothing.
 */
final class ApiKeyAuthenticationFilter extends CredentialFilter {

    static final String HEADER = "x-api-key";

    private final ApiKeyVerifier verifier;

    /** @param perRequest where the authentication is kept for this request's async dispatches (never a session) */
    ApiKeyAuthenticationFilter(
            ApiKeyVerifier verifier, ProblemResponseWriter problems, SecurityContextRepository perRequest) {
        super(problems, perRequest);
        this.verifier = verifier;
    }

    static boolean hasApiKey(HttpServletRequest request) {
        return request.getHeader(HEADER) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasApiKey(request) || BearerTokenAuthenticationFilter.hasBearerToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).trim();
        Optional<ApiKeyPrincipal> principal = key.isEmpty() ? Optional.empty() : verifier.verify(key);
        if (principal.isEmpty()) {
            reject(
                    request,
                    response,
                    "The API key in 'x-api-key' is unknown or was revoked; create a new key in the project's "
                            + "Keys page.");
            return;
        }
        authenticate(new EdgeForgeAuthentication(principal.get()), request, response, chain);
    }
}
