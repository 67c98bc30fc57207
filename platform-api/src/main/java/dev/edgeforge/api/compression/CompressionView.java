package dev.edgeforge.api.compression;

import dev.edgeforge.api.job.JobStatus;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.model.stats.CompressionReport;
import dev.edgeforge.jobs.compress.CompressionOptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A model's compression, as {@code GET .../models/{modelId}/compression} answers it.
 *
 * @param modelId       the model
 * @param modelName     its name
 * @param modelState    its state
 * @param compressible  whether a compression can be started now (ready trained classifier, none running)
 * @param reason        why not, or {@code null}
 * @param labels        the model's classes
 * @param layers        the model's hidden layers (a starting point for a distillation student)
 * @param trainedEpochs epochs the model trained (the student's default), or {@code null}
 * @param latestJob     the newest compress job of the model, in whatever state, or {@code null}
 * @param result        the newest finished compression: its report, or {@code null}
 * @param chosen        the variant chosen for deployment, or {@code null}
 */
public record CompressionView(
        UUID modelId,
        String modelName,
        CompressibleModel.State modelState,
        boolean compressible,
        String reason,
        List<String> labels,
        List<LayerSpec> layers,
        Integer trainedEpochs,
        JobSummary latestJob,
        Result result,
        ChosenVariantView chosen) {

    /**
     * A compress job: its state as last published; a running job's progress and log are the job's
     * ({@code /api/v1/jobs/{id}}).
     *
     * @param id         the job
     * @param state      queued, running, succeeded, failed or cancelled
     * @param error      why it failed or was cancelled
     * @param options    what it was asked to do
     * @param createdAt  when it was started
     * @param startedAt  when a worker took it
     * @param finishedAt when it ended
     */
    public record JobSummary(
            UUID id,
            JobStatus state,
            String error,
            CompressionOptions options,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt) {
        static JobSummary of(CompressionRun run) {
            return new JobSummary(
                    run.jobId(),
                    run.state(),
                    run.error(),
                    run.options(),
                    run.createdAt(),
                    run.startedAt(),
                    run.finishedAt());
        }
    }

    /**
     * A finished compression.
     *
     * @param jobId      the compress job
     * @param finishedAt when it finished
     * @param options    what it was asked to do
     * @param reportKey  object key of its {@code compression-report.json}
     * @param downloads  download path of every variant's {@code .tflite}, by variant name
     * @param report     the report: every variant with test accuracy, parameters, weight bytes, MACs, activation RAM
     *                   lower bound, sparsity and {@code .tflite} size
     */
    public record Result(
            UUID jobId,
            Instant finishedAt,
            CompressionOptions options,
            String reportKey,
            Map<String, String> downloads,
            CompressionReport report) {}

    /** The variant chosen for deployment. */
    public record ChosenVariantView(String variant, UUID jobId, String tfliteKey, Instant updatedAt) {
        static ChosenVariantView of(ChosenVariant choice) {
            return new ChosenVariantView(choice.variant(), choice.jobId(), choice.tfliteKey(), choice.updatedAt());
        }
    }
}
