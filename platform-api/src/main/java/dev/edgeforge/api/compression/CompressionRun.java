package dev.edgeforge.api.compression;

import dev.edgeforge.api.job.JobStatus;
import dev.edgeforge.jobs.compress.CompressionOptions;
import java.time.Instant;
import java.util.UUID;

/**
 * A compress job of a model as this feature keeps it ({@code model_compression_job}): written with the job, then
 * kept up to date from its events by {@link CompressionJobOutcomes}.
 *
 * @param jobId      the compress job
 * @param modelId    the model it compresses
 * @param state      the job's state, as last published
 * @param options    what it was asked to do, or {@code null} when not readable
 * @param resultJson the job's result ({@code CompressJobResult}) once it succeeded, else {@code null}
 * @param error      why it failed or was cancelled, else {@code null}
 * @param createdAt  when it was started
 * @param startedAt  when a worker took it, or {@code null}
 * @param finishedAt when it ended, or {@code null}
 */
record CompressionRun(
        UUID jobId,
        UUID modelId,
        JobStatus state,
        CompressionOptions options,
        String resultJson,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {}
