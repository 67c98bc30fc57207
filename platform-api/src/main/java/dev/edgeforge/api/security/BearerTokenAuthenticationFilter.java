package dev.edgeforge.api.security;

import dev.edgeforge.api.problem.ProblemResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Authenticates {@code Authorization: Bearer <token>} (login tokens and personal access tokens). A request that
 * presents a token that does not verify is answered 401 at once instead of falling back to anonymous, so a script
 * learns its token is bad. The authentication lives only for this request (see {@link CredentialFilter}).
 */
final class BearerTokenAuthenticationFilter extends CredentialFilter {

    private static final String BEARER = "Bearer ";

    private final BearerTokenVerifier verifier;

    /** @param perRequest where the authentication is kept for this request's async dispatches (never a session) */
    BearerTokenAuthenticationFilter(
            BearerTokenVerifier verifier, ProblemResponseWriter problems, SecurityContextRepository perRequest) {
        super(problems, perRequest);
        this.verifier = verifier;
    }

    static boolean hasBearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearerToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader(HttpHeaders.AUTHORIZATION)
                .substring(BEARER.length())
                .trim();
        if (token.startsWith(SecretTokens.API_KEY_PREFIX)) {
            reject(
                    request,
                    response,
                    "This is a project API key; send it in the 'x-api-key' header instead of 'Authorization'.");
            return;
        }
        Optional<BearerTokenVerifier.VerifiedToken> verified =
                token.isEmpty() ? Optional.empty() : verifier.verify(token);
        if (verified.isEmpty()) {
            reject(
                    request,
                    response,
                    "The bearer token is unknown, expired or revoked; log in again or create a new personal "
                            + "access token.");
            return;
        }
        EdgeForgeAuthentication authentication =
                new EdgeForgeAuthentication(verified.get().user());
        authentication.setDetails(new BearerTokenDetails(verified.get().tokenId()));
        authenticate(authentication, request, response, chain);
    }
}
