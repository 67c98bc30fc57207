package dev.edgeforge.api.sample;

import dev.edgeforge.api.problem.CommonProblems;
import dev.edgeforge.api.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Multipart failures happen while the request is parsed, before a controller is chosen, so the REST problem
 * handler (bound to REST controllers) never sees them; left to the container's error page, the error dispatch
 * would parse the broken multipart body again and answer nothing. This answers them directly: 413 for a file or
 * request over {@code edgeforge.datasets} limits, 400 for an unreadable multipart body.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UploadProblemAdvice {

    private final long maxUploadBytes;
    private final long maxRequestBytes;

    UploadProblemAdvice(DatasetProperties properties) {
        this.maxUploadBytes = properties.maxUploadBytes().toBytes();
        this.maxRequestBytes = properties.maxRequestBytes().toBytes();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(
                Problems.detail(
                        UploadTooLargeViolation.TYPE,
                        "A file is larger than "
                                + UploadTooLargeViolation.describe(maxUploadBytes) + ", the request larger than "
                                + UploadTooLargeViolation.describe(maxRequestBytes) + ", or it holds too many files; "
                                + "split the upload into smaller requests."),
                request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadable(MultipartException e, HttpServletRequest request) {
        return respond(
                Problems.detail(
                        CommonProblems.MALFORMED_REQUEST,
                        "The multipart body cannot be read; send files as multipart/form-data parts."),
                request);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.asMap(problem));
    }
}
