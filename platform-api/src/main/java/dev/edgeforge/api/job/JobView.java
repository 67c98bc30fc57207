package dev.edgeforge.api.job;

import dev.edgeforge.infra.job.Job;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job as the API shows it. {@code payload} and {@code result} are the JSON the feature wrote; lease internals
 * (owner, version) stay inside.
 */
public record JobView(
        UUID id,
        UUID projectId,
        String type,
        JobStatus state,
        double progress,
        int attempts,
        int maxAttempts,
        boolean cancelRequested,
        String error,
        JsonNode payload,
        JsonNode result,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static JobView of(Job job) {
        return new JobView(
                job.id(),
                job.projectId(),
                job.type(),
                JobStatus.of(job.state()),
                job.progress(),
                job.attempts(),
                job.maxAttempts(),
                job.cancelRequested(),
                job.error(),
                parse(job.payload()),
                parse(job.result()),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                job.updatedAt());
    }

    private static JsonNode parse(String json) {
        return json == null ? null : JSON.readTree(json);
    }
}
