package dev.edgeforge.api.impulse;

import dev.edgeforge.api.problem.FieldProblem;
import dev.edgeforge.api.problem.JsonPaths;
import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseJson;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Impulses as JSON documents of the API, read with {@link ImpulseJson}'s rules (defaults, no unknown fields). */
final class ImpulseDocuments {

    private ImpulseDocuments() {}

    static JsonNode toJson(Impulse impulse) {
        return ImpulseJson.mapper().valueToTree(impulse);
    }

    /**
     * Reads an impulse sent by a client.
     *
     * @throws ValidationViolation naming the field that cannot be read (unknown field, wrong type, unknown block)
     */
    static Impulse read(String body) {
        if (body == null || body.isBlank()) {
            throw new ValidationViolation("body", "send the impulse as a JSON object");
        }
        try {
            Impulse impulse = ImpulseJson.mapper().readValue(body, Impulse.class);
            if (impulse == null) {
                throw new ValidationViolation("body", "send the impulse as a JSON object, not null");
            }
            return impulse;
        } catch (DatabindException e) {
            String field = JsonPaths.describe(e.getPath());
            String message = reason(e);
            throw new ValidationViolation(
                    "The impulse cannot be read: " + field + " " + message + ".",
                    List.of(new FieldProblem(field, message)));
        } catch (JacksonException e) {
            throw new ValidationViolation("body", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String reason(DatabindException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "is not a known field (known: " + unknown.getKnownPropertyIds() + ")";
        }
        if (e instanceof InvalidTypeIdException type) {
            return "has the unknown type '" + type.getTypeId() + "'";
        }
        if (e instanceof ValueInstantiationException instantiation
                && instantiation.getCause() != null
                && instantiation.getCause().getMessage() != null) {
            return instantiation.getCause().getMessage();
        }
        return e.getOriginalMessage();
    }
}
