package dev.edgeforge.training.job;

import dev.edgeforge.infra.job.NonRetryableJobException;
import dev.edgeforge.jobs.JobJson;
import tools.jackson.core.JacksonException;

/** Reads a job's payload; a payload that does not parse fails the job at once (retrying cannot help). */
final class Payloads {

    private Payloads() {}

    static <T> T read(String json, Class<T> type) {
        try {
            return JobJson.mapper().readValue(json, type);
        } catch (JacksonException e) {
            throw new NonRetryableJobException(
                    "The job payload is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }
}
