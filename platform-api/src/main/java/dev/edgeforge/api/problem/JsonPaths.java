package dev.edgeforge.api.problem;

import java.util.List;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Turns Jackson mapping errors into a field path and a reason a person can act on. */
public final class JsonPaths {

    private JsonPaths() {}

    /** {@code scopes[1]} or {@code owner.email} from Jackson's reference path. */
    public static String describe(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    static String reason(DatabindException e) {
        if (e instanceof ValueInstantiationException instantiation
                && instantiation.getCause() != null
                && instantiation.getCause().getMessage() != null) {
            // our @JsonCreator factories throw IllegalArgumentException with a message meant for people
            return instantiation.getCause().getMessage();
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return "has the value '" + format.getValue() + "', which is not one of the allowed values";
            }
            return "has the value '" + format.getValue() + "', which is not a valid "
                    + (target == null ? "value" : target.getSimpleName());
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "has the wrong JSON type; expected " + jsonKind(mismatch.getTargetType());
        }
        return "is not valid";
    }

    private static String jsonKind(Class<?> type) {
        if (type == String.class || type.isEnum() || type == UUID.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
