package dev.edgeforge.api.sample;

import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads optional fields of a JSON request body strictly: unknown fields and wrong types are refused with the
 * field's name, and a field sent as {@code null} is told apart from a field not sent (PATCH semantics).
 */
public final class JsonFields {

    private final JsonNode body;

    private JsonFields(JsonNode body) {
        this.body = body;
    }

    /** @throws SampleRequestViolation when the body is not an object or has a field outside {@code allowed} */
    public static JsonFields of(JsonNode body, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw new SampleRequestViolation("body", "must be a JSON object");
        }
        Iterator<String> names = body.propertyNames().iterator();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new SampleRequestViolation(
                        name,
                        "is not a field of this request (allowed: "
                                + allowed.stream().sorted().toList() + ")");
            }
        }
        return new JsonFields(body);
    }

    public boolean has(String field) {
        return body.has(field);
    }

    public boolean isNull(String field) {
        return body.has(field) && body.get(field).isNull();
    }

    public JsonNode node(String field) {
        return body.get(field);
    }

    /** A present, non-null string. */
    public Optional<String> string(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isString()) {
            throw new SampleRequestViolation(field, "must be a string");
        }
        return Optional.of(v.stringValue());
    }

    public Optional<Boolean> bool(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw new SampleRequestViolation(field, "must be true or false");
        }
        return Optional.of(v.booleanValue());
    }

    public Optional<Double> number(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new SampleRequestViolation(field, "must be a number");
        }
        return Optional.of(v.asDouble());
    }

    public double requiredNumber(String field) {
        return number(field).orElseThrow(() -> new SampleRequestViolation(field, "is required"));
    }

    /** A label as a request field: trimmed, 1..255 characters. */
    public static String checkLabel(String field, String label) {
        String trimmed = label.strip();
        if (trimmed.isEmpty() || trimmed.length() > 255) {
            throw new SampleRequestViolation(field, "must be 1 to 255 characters (null for no label)");
        }
        return trimmed;
    }
}
