package dev.edgeforge.jobs.training;

import dev.edgeforge.core.learning.TensorShape;
import java.util.List;
import java.util.UUID;

/**
 * The result JSON of a successful {@code train} job: which files were written (every one exists when the job
 * succeeds) and the figures the model row keeps. The server applies it to the row once the job succeeded.
 *
 * @param modelId                the model
 * @param kind                   what it predicts
 * @param labels                 class or target names in output order; the training labels for anomaly models
 * @param inputShape             the shape of one window's features
 * @param artifacts              object keys of the files
 * @param float32                size of the float32 variant, or {@code null}
 * @param int8                   size of the int8 variant, or {@code null}
 * @param int8UnavailableReason  why there is no int8 variant, or {@code null}
 * @param anomalyThreshold       the starting anomaly threshold (anomaly models)
 * @param summary                headline metrics
 */
public record TrainJobResult(
        UUID modelId,
        ModelKind kind,
        List<String> labels,
        TensorShape inputShape,
        ModelArtifacts artifacts,
        GraphSize float32,
        GraphSize int8,
        String int8UnavailableReason,
        Double anomalyThreshold,
        ModelSummary summary) {}
