package dev.edgeforge.core.impulse;

import dev.edgeforge.core.dsp.ParameterError;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes impulses as JSON (the form the server stores and {@code GET|PUT /api/v1/projects/{id}/impulse}
 * exchanges). Parameters missing from the JSON take their defaults; unknown fields are refused so a typo does not
 * silently fall back to a default.
 */
public final class ImpulseJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ImpulseJson() {}

    /** The mapper configured for impulses (shared, thread-safe). */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String write(Impulse impulse) {
        return MAPPER.writeValueAsString(impulse);
    }

    /**
     * Parses an impulse; does not validate it (see {@link Impulse#validate}).
     *
     * @throws ImpulseViolation when the JSON is malformed or has unknown fields or types
     */
    public static Impulse read(String json) {
        try {
            return MAPPER.readValue(json, Impulse.class);
        } catch (JacksonException e) {
            throw new ImpulseViolation(List.of(new ParameterError(
                    e.getPathReference() == null || e.getPathReference().isEmpty() ? "impulse" : e.getPathReference(),
                    e.getOriginalMessage())));
        }
    }
}
