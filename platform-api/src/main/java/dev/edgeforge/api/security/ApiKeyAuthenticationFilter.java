package dev.edgeforge.api.security;

import dev.edgeforge.api.problem.CommonProblems;
import dev.edgeforge.api.problem.ProblemResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a project API key sent as {@code x-api-key} (the header Edge Impulse devices and scripts use). A
 * key that does not verify is answered 401 at once. A bearer token, when also present, wins: this filter then
 * does nothing.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "x-api-key";

    private final ApiKeyVerifier verifier;
    private final ProblemResponseWriter problems;
    private final SecurityContextRepository perRequest;

    /** @param perRequest where the authentication is kept for this request's async dispatches (never a session) */
    ApiKeyAuthenticationFilter(
            ApiKeyVerifier verifier, ProblemResponseWriter problems, SecurityContextRepository perRequest) {
        this.verifier = verifier;
        this.problems = problems;
        this.perRequest = perRequest;
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
            problems.write(
                    request,
                    response,
                    CommonProblems.INVALID_CREDENTIALS,
                    "The API key in 'x-api-key' is unknown or was revoked; create a new key in the project's "
                            + "Keys page.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new EdgeForgeAuthentication(principal.get()));
        SecurityContextHolder.setContext(context);
        perRequest.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
