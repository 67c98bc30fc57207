package dev.edgeforge.api.security;

import dev.edgeforge.api.problem.CommonProblems;
import dev.edgeforge.api.problem.ProblemResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;

/**
 * Spring Security's 401 and 403 for {@code /api/**}, as problem details instead of empty bodies or redirects; also
 * the answer to a browser session that was ended elsewhere (a password change).
 */
final class ProblemSecurityHandlers
        implements AuthenticationEntryPoint, AccessDeniedHandler, SessionInformationExpiredStrategy {

    private final ProblemResponseWriter writer;

    ProblemSecurityHandlers(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        writer.write(
                request,
                response,
                CommonProblems.AUTHENTICATION_REQUIRED,
                "Sign in, or send an 'Authorization: Bearer <token>' or 'x-api-key' header.");
    }

    @Override
    public void onExpiredSessionDetected(SessionInformationExpiredEvent event) throws IOException {
        writer.write(
                event.getRequest(),
                event.getResponse(),
                CommonProblems.AUTHENTICATION_REQUIRED,
                "Your session was ended because the account's password was changed; sign in again.");
    }

    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException accessDeniedException)
            throws IOException {
        if (accessDeniedException instanceof CsrfException) {
            writer.write(
                    request,
                    response,
                    CommonProblems.CSRF_TOKEN_INVALID,
                    "Requests authenticated by the browser session must send the page's CSRF token in the "
                            + "X-CSRF-TOKEN header; reload the page, or use a bearer token or API key instead.");
            return;
        }
        writer.write(
                request,
                response,
                CommonProblems.ACCESS_DENIED,
                "Your account is not allowed to call " + request.getMethod() + " " + request.getRequestURI() + ".");
    }
}
