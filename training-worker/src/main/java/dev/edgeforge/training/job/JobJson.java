package dev.edgeforge.training.job;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.edgeforge.infra.job.NonRetryableJobException;

/**
 * The JSON of the training jobs' payloads, results and files. Unknown members are ignored, so a newer server's
 * payload still runs on an older worker when it only adds fields.
 */
public final class JobJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JobJson() {
    }

    /** The shared, thread-safe mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static byte[] writeBytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /** Reads a job's payload; a payload that does not parse fails the job at once (retrying cannot help). */
    static <T> T readPayload(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw new NonRetryableJobException("The job payload is not a valid " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
