package dev.edgeforge.api.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers {@code /error}, where the servlet container sends every error no controller advice handled: unknown
 * routes, errors of filters, exceptions of page controllers. API paths ({@code /api/**}) and clients that do not
 * want HTML get a problem detail; browsers get the {@code error} page. Never shows a stack trace.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    private final ErrorAttributes errorAttributes;
    private final ServiceOutages outages;

    public ProblemErrorController(ErrorAttributes errorAttributes, ServiceOutages outages) {
        this.errorAttributes = errorAttributes;
        this.outages = outages;
    }

    @RequestMapping("${server.error.path:/error}")
    public Object error(HttpServletRequest request, HttpServletResponse response) {
        ProblemDetail problem = outageProblem(request).orElseGet(() -> problemFor(request));
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()
                && ServiceOutages.classify(errorAttributes.getError(new ServletWebRequest(request)))
                        .isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ServiceOutages.RETRY_AFTER.toSeconds()));
        }
        if (wantsJson(request)) {
            return ProblemHandler.respond(problem, request);
        }
        ModelAndView page = new ModelAndView("error", HttpStatus.valueOf(problem.getStatus()));
        page.addObject("status", problem.getStatus());
        page.addObject("title", problem.getTitle());
        page.addObject("detail", problem.getDetail());
        return page;
    }

    /** A filter (say, the API key check) found the database or the object store away: 503, one log line. */
    private Optional<ProblemDetail> outageProblem(HttpServletRequest request) {
        Throwable error = errorAttributes.getError(new ServletWebRequest(request));
        return ServiceOutages.classify(error).map(kind -> {
            ProblemDetail problem = outages.problem(kind, error, request.getMethod(), originalPath(request));
            problem.setInstance(URI.create(originalPath(request)));
            return problem;
        });
    }

    private ProblemDetail problemFor(HttpServletRequest request) {
        Throwable error = errorAttributes.getError(new ServletWebRequest(request));
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof EdgeForgeException known) {
                ProblemDetail problem = known.getBody();
                problem.setInstance(URI.create(originalPath(request)));
                return problem;
            }
        }
        if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
            ProblemDetail problem = Problems.detail(
                    CommonProblems.CSRF_TOKEN_INVALID,
                    "The form has expired (your session ended or the page is old); reload the page and try again.");
            problem.setInstance(URI.create(originalPath(request)));
            return problem;
        }
        int status = statusOf(request);
        ProblemDetail problem = Problems.detail(CommonProblems.forStatus(status), genericDetail(status, request));
        problem.setInstance(URI.create(originalPath(request)));
        return problem;
    }

    private static String genericDetail(int status, HttpServletRequest request) {
        String path = originalPath(request);
        return switch (status) {
            case 401 -> "Sign in, or send an 'Authorization: Bearer <token>' or 'x-api-key' header.";
            case 403 -> "You do not have access to " + path + ".";
            case 404 -> noRouteDetail(request);
            case 405 -> "The HTTP method is not supported on " + path + ".";
            case 413 -> "The request is larger than the server accepts; send less data per request.";
            default ->
                status >= 500
                        ? "The server failed to handle this request; try again, and if it keeps failing check the "
                                + "server log."
                        : "The request to " + path + " was rejected ("
                                + HttpStatus.valueOf(status).getReasonPhrase()
                                + "); check the method, headers and body.";
        };
    }

    /** Detail for a request that matched no route at all. */
    static String noRouteDetail(HttpServletRequest request) {
        String path = originalPath(request);
        return path.startsWith("/api/")
                ? "No API endpoint matches " + path + "; the endpoints are listed at /v3/api-docs."
                : "The page " + path + " does not exist.";
    }

    private static boolean wantsJson(HttpServletRequest request) {
        if (originalPath(request).startsWith("/api/")) {
            return true;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(request.getHeader("Accept"));
        } catch (RuntimeException unparsable) {
            return false;
        }
        boolean html = accepted.stream().anyMatch(t -> !t.isWildcardType() && t.isCompatibleWith(MediaType.TEXT_HTML));
        boolean json = accepted.stream()
                .anyMatch(t -> !t.isWildcardType()
                        && !t.isWildcardSubtype()
                        && (t.isCompatibleWith(MediaType.APPLICATION_JSON)
                                || t.getSubtype().endsWith("+json")));
        return json && !html;
    }

    private static int statusOf(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (status instanceof Integer code && code >= 400) {
            return code;
        }
        return 500;
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String path ? path : request.getRequestURI();
    }
}
