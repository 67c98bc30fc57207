package dev.edgeforge.jobs.feature;

import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseJson;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The input of a {@code features} job: everything the worker needs, so it never reads the server's tables.
 *
 * @param impulseVersion the impulse version the features belong to
 * @param impulse        that version's impulse JSON ({@link ImpulseJson})
 * @param samples        the enabled samples of the project, in the order the feature set lists them
 */
public record FeatureJobPayload(int impulseVersion, JsonNode impulse, List<FeatureJobSample> samples) {

    /** The job type. */
    public static final String TYPE = "features";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public FeatureJobPayload {
        Objects.requireNonNull(impulse, "impulse");
        samples = List.copyOf(samples);
        if (impulseVersion < 1) {
            throw new IllegalArgumentException("impulse version must be 1 or more, got " + impulseVersion);
        }
    }

    /** A payload for a saved impulse (its version is the impulse's). */
    public static FeatureJobPayload of(Impulse impulse, List<FeatureJobSample> samples) {
        return new FeatureJobPayload(impulse.version(), ImpulseJson.mapper().valueToTree(impulse), samples);
    }

    /** The impulse, numbered with {@link #impulseVersion()}. */
    public Impulse readImpulse() {
        return ImpulseJson.read(impulse.toString()).withVersion(impulseVersion);
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** @throws IllegalArgumentException naming what is wrong with the payload */
    public static FeatureJobPayload parse(String json) {
        try {
            FeatureJobPayload payload = JSON.readValue(json, FeatureJobPayload.class);
            if (payload == null) {
                throw new IllegalArgumentException("the features job payload is null");
            }
            return payload;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the features job payload cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
