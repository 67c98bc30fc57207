package dev.edgeforge.api.security;

import dev.edgeforge.api.problem.CommonProblems;
import dev.edgeforge.api.problem.ProblemResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the credential filters share: a credential that does not verify is answered 401 at once (a script learns its
 * credential is bad instead of falling back to anonymous), and one that does authenticates this request only. The
 * authentication is kept in a request attribute, so a streamed answer's async dispatch finds it; nothing goes into a
 * session.
 */
abstract class CredentialFilter extends OncePerRequestFilter {

    private final ProblemResponseWriter problems;
    private final SecurityContextRepository perRequest;

    /** @param perRequest where the authentication is kept for this request's async dispatches (never a session) */
    CredentialFilter(ProblemResponseWriter problems, SecurityContextRepository perRequest) {
        this.problems = problems;
        this.perRequest = perRequest;
    }

    /** Answers 401 {@code invalid-credentials} with {@code detail}; the chain does not go on. */
    final void reject(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        problems.write(request, response, CommonProblems.INVALID_CREDENTIALS, detail);
    }

    /** Makes {@code authentication} this request's, then goes on down the chain. */
    final void authenticate(
            Authentication authentication, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        perRequest.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
