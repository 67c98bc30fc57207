package dev.edgeforge.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/**
 * The one place where exceptions of REST controllers become problem details. Page controllers are left out on
 * purpose: their errors go through {@link ProblemErrorController}, which renders an HTML page.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** PostgreSQL's character_not_in_repertoire (text) and untranslatable_character (jsonb): a NUL character. */
    private static final Set<String> UNSTORABLE_TEXT_STATES = Set.of("22021", "22P05");

    private final ServiceOutages outages;

    public ProblemHandler(ServiceOutages outages) {
        this.outages = outages;
    }

    @ExceptionHandler(EdgeForgeException.class)
    ResponseEntity<Object> edgeForge(EdgeForgeException e, HttpServletRequest request) {
        ResponseEntity<Object> response = respond(e.getBody(), request);
        if (e.getHeaders().isEmpty()) {
            return response;
        }
        // e.g. Retry-After of a 503 or of a throttled request
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .headers(e.getHeaders())
                .body(response.getBody());
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Object> invalidBody(BindException e, HttpServletRequest request) {
        // MethodArgumentNotValidException (@Valid @RequestBody) is a BindException
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), messageOf(error)));
        }
        for (ObjectError error : e.getBindingResult().getGlobalErrors()) {
            errors.add(new FieldProblem(error.getObjectName(), messageOf(error)));
        }
        return validation(errors, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Object> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(error -> errors.add(new FieldProblem(name, String.valueOf(error.getDefaultMessage()))));
        });
        return validation(errors, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        DatabindException mapping = findCause(e, DatabindException.class);
        if (mapping != null && !mapping.getPath().isEmpty()) {
            String field = JsonPaths.describe(mapping.getPath());
            String reason = JsonPaths.reason(mapping);
            return validation(List.of(new FieldProblem(field, reason)), request);
        }
        String detail = e.getCause() == null
                ? "The request body is missing; send a JSON document with Content-Type: application/json."
                : "The request body is not valid JSON; check quotes, commas and brackets.";
        return respond(Problems.detail(CommonProblems.MALFORMED_REQUEST, detail), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == null ? "another type" : describeType(e.getRequiredType());
        String detail = "The parameter '" + e.getName() + "' must be " + expected + ", got '" + e.getValue() + "'.";
        ProblemDetail problem = Problems.detail(CommonProblems.INVALID_PARAMETER, detail);
        problem.setProperty("errors", List.of(new FieldProblem(e.getName(), "must be " + expected)));
        return respond(problem, request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(
                Problems.detail(
                        CommonProblems.INVALID_PARAMETER,
                        "The query parameter '" + e.getParameterName() + "' is required."),
                request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return respond(
                Problems.detail(
                        CommonProblems.INVALID_PARAMETER, "The header '" + e.getHeaderName() + "' is required."),
                request);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Object> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return respond(
                Problems.detail(
                        CommonProblems.INVALID_PARAMETER,
                        "The multipart request needs a part named '" + e.getRequestPartName() + "'."),
                request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        String allowed = e.getSupportedHttpMethods() == null ? "" : " Allowed: " + e.getSupportedHttpMethods() + ".";
        return respond(
                Problems.detail(
                        CommonProblems.METHOD_NOT_ALLOWED,
                        request.getMethod() + " is not supported on " + request.getRequestURI() + "." + allowed),
                request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(
                Problems.detail(
                        CommonProblems.UNSUPPORTED_MEDIA_TYPE,
                        "Content-Type " + e.getContentType() + " is not accepted here; use one of "
                                + e.getSupportedMediaTypes() + "."),
                request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return respond(
                Problems.detail(
                        CommonProblems.NOT_ACCEPTABLE,
                        "This endpoint answers with " + e.getSupportedMediaTypes() + "; adjust the Accept header."),
                request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(
                Problems.detail(
                        CommonProblems.PAYLOAD_TOO_LARGE,
                        "The upload is larger than the server accepts; split it into smaller requests."),
                request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(
                Problems.detail(CommonProblems.NOT_FOUND, ProblemErrorController.noRouteDetail(request)), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> conflict(DataIntegrityViolationException e, HttpServletRequest request) {
        SQLException sql = findCause(e, SQLException.class);
        if (sql != null && UNSTORABLE_TEXT_STATES.contains(sql.getSQLState())) {
            // not a race: PostgreSQL text and jsonb refuse U+0000, which a JSON body can carry escaped
            return respond(
                    Problems.detail(
                            CommonProblems.TEXT_NOT_STORABLE,
                            "A text in the request holds a NUL character (U+0000), which cannot be stored; remove "
                                    + "it and send the request again."),
                    request);
        }
        // normally prevented by service checks; reaching here means a concurrent change won the race
        log.info(
                "Data integrity violation on {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                e.getMostSpecificCause().getMessage());
        return respond(
                Problems.detail(
                        CommonProblems.CONFLICT,
                        "The change conflicts with data changed at the same time; reload and try again."),
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        Optional<ServiceOutages.Kind> outage = ServiceOutages.classify(e);
        if (outage.isPresent()) {
            // the database or the object store is away: the client should try again, the log gets no stack trace
            ResponseEntity<Object> response =
                    respond(outages.problem(outage.get(), e, request.getMethod(), request.getRequestURI()), request);
            return ResponseEntity.status(response.getStatusCode())
                    .headers(response.getHeaders())
                    .headers(ServiceOutages.retryAfter())
                    .body(response.getBody());
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {} {}", incident, request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = Problems.detail(
                CommonProblems.INTERNAL_ERROR,
                "The server failed to handle this request; try again, and if it keeps failing report incident "
                        + incident + " to the administrator.");
        problem.setProperty("incident", incident);
        return respond(problem, request);
    }

    private static ResponseEntity<Object> validation(List<FieldProblem> unsorted, HttpServletRequest request) {
        List<FieldProblem> errors = unsorted.stream()
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        String detail = errors.size() == 1
                ? "The field '" + errors.get(0).field() + "' " + errors.get(0).message() + "."
                : errors.size() + " fields are not valid; see errors[] and correct each one.";
        ProblemDetail problem = Problems.detail(CommonProblems.VALIDATION_FAILED, detail);
        problem.setProperty("errors", errors);
        return respond(problem, request);
    }

    /** The response; the body is written as an ordered map so every problem lists its members in one order. */
    static ResponseEntity<Object> respond(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.asMap(problem));
    }

    private static String messageOf(ObjectError error) {
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

    private static String describeType(Class<?> type) {
        if (type == UUID.class) {
            return "a UUID such as 3f2b8c1e-0a4d-4c7e-9b1a-2d5e6f708192";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants()).toLowerCase();
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "a valid " + type.getSimpleName();
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
