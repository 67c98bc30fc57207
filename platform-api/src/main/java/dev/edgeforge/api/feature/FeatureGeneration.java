package dev.edgeforge.api.feature;

import dev.edgeforge.api.job.JobStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A features job as this feature keeps it ({@code feature_generation}): written with the job, then kept up to date
 * from its events by {@link FeatureGenerationOutcomes}.
 *
 * @param jobId          the job
 * @param impulseVersion the impulse version it computes
 * @param samples        how many enabled samples it reads
 * @param state          the job's state, as last published
 * @param resultJson     its result ({@code FeatureJobResult}) once it succeeded, else {@code null}
 * @param error          why it failed or was cancelled, else {@code null}
 * @param createdAt      when it was started
 * @param startedAt      when a worker took it, or {@code null}
 * @param finishedAt     when it ended, or {@code null}
 */
public record FeatureGeneration(
        UUID jobId,
        int impulseVersion,
        int samples,
        JobStatus state,
        String resultJson,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {}
