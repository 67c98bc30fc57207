package dev.edgeforge.api.web;

import dev.edgeforge.api.problem.CommonProblems;
import dev.edgeforge.api.problem.ProblemType;
import dev.edgeforge.api.problem.ServiceOutages;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Error responses in the OpenAPI document: every operation lists the RFC 9457 problems it can answer, by HTTP status,
 * with each problem's code and title, and the {@code Problem} schema they share. The ones any operation can answer
 * (the database or object store away, a request without credentials where credentials are needed) are added to all;
 * the rest come from {@link ProblemResponses} on the handler.
 */
final class OpenApiProblems implements OperationCustomizer {

    static final String SCHEMA_NAME = "Problem";
    static final String MEDIA_TYPE = "application/problem+json";

    /** Handlers that work without credentials: no 401 is listed for them. */
    private static final List<String> OPEN_HANDLERS = List.of(
            "AuthController.login",
            "AuthController.register",
            "InviteLinkController.describe",
            "InviteLinkController.accept");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Map<Integer, List<ProblemType>> byStatus = new TreeMap<>();
        ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
        if (declared != null) {
            for (Class<?> problem : declared.value()) {
                add(byStatus, typeOf(problem));
            }
        }
        if (!isOpen(handler)) {
            add(byStatus, CommonProblems.AUTHENTICATION_REQUIRED);
        }
        for (ServiceOutages.Kind outage : ServiceOutages.Kind.values()) {
            add(byStatus, outage.type());
        }
        byStatus.forEach((status, types) -> {
            String key = String.valueOf(status);
            if (operation.getResponses().containsKey(key)) {
                return; // described on the handler by hand
            }
            operation.getResponses().addApiResponse(key, response(types));
        });
        return operation;
    }

    /** The shared schema of every problem answer. */
    static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem: type names the problem (match on it), title is fixed per type, "
                        + "detail says what happened this time")
                .addProperty("type", new StringSchema().format("uri").example("tag:edgeforge.dev,2025:problem:x"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .description("for invalid fields: each field and what is wrong with it")
                                .items(new ObjectSchema()
                                        .addProperty("field", new StringSchema())
                                        .addProperty("message", new StringSchema())));
    }

    private static ApiResponse response(List<ProblemType> types) {
        String description = types.stream()
                .map(t -> "`" + t.code() + "`: " + t.title())
                .distinct()
                .collect(Collectors.joining("; "));
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                MEDIA_TYPE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA_NAME))));
    }

    private static void add(Map<Integer, List<ProblemType>> byStatus, ProblemType type) {
        byStatus.computeIfAbsent(type.status().value(), s -> new ArrayList<>()).add(type);
    }

    private static boolean isOpen(HandlerMethod handler) {
        return OPEN_HANDLERS.contains(handler.getBeanType().getSimpleName() + "."
                + handler.getMethod().getName());
    }

    /** The problem type an exception class declares; a class without one is a programming error found at start-up. */
    private static ProblemType typeOf(Class<?> problem) {
        try {
            Field field = problem.getField("TYPE");
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != ProblemType.class) {
                throw new IllegalStateException(problem.getName() + ".TYPE is not a static ProblemType");
            }
            return (ProblemType) field.get(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException(
                    problem.getName() + " is listed in @ProblemResponses but declares no public static TYPE", e);
        }
    }
}
