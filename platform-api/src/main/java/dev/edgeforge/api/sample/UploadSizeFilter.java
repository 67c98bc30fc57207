package dev.edgeforge.api.sample;

import dev.edgeforge.api.problem.ProblemResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an upload whose declared {@code Content-Length} is over the limit with 413, before anything reads the
 * body (it runs ahead of the security filters, which may parse multipart parameters). Uploads without a length, or
 * that lie about it, are stopped by the spooler and the multipart limits once the bytes pass the limit.
 */
final class UploadSizeFilter extends OncePerRequestFilter {

    private static final Pattern MULTIPART_PATHS =
            Pattern.compile("/api/(v1/projects/[^/]+/samples|(training|testing|anomaly|split)/files)/?");
    private static final Pattern BODY_PATHS = Pattern.compile("/api/(training|testing|anomaly)/data/?");

    private final long maxRequestBytes;
    private final long maxUploadBytes;
    private final ProblemResponseWriter problems;

    UploadSizeFilter(DatasetProperties properties, ProblemResponseWriter problems) {
        this.maxRequestBytes = properties.maxRequestBytes().toBytes();
        this.maxUploadBytes = properties.maxUploadBytes().toBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long declared = request.getContentLengthLong();
        long limit = MULTIPART_PATHS.matcher(path).matches()
                ? maxRequestBytes
                : BODY_PATHS.matcher(path).matches() ? maxUploadBytes : -1;
        if (limit >= 0 && declared > limit) {
            // 413 makes the container close the connection instead of draining the unread body
            problems.write(
                    request,
                    response,
                    UploadTooLargeViolation.TYPE,
                    "The request declares " + declared
                            + " bytes, more than the limit of " + UploadTooLargeViolation.describe(limit)
                            + "; split the upload into smaller requests.");
            return;
        }
        chain.doFilter(request, response);
    }
}
