package dev.edgeforge.jobs.training;

import java.util.UUID;

/**
 * The result JSON of a successful {@code test} job.
 *
 * @param modelId      the model
 * @param testMetrics  object key of the new test evaluation ({@code Evaluation} or, for anomaly models,
 *                     {@code AnomalyMetrics}) as JSON
 * @param predictions  object key of the new {@link Predictions}
 * @param testFeatures the test features evaluated
 * @param summary      the new headline test metrics
 */
public record TestJobResult(
        UUID modelId, String testMetrics, String predictions, String testFeatures, ModelSummary summary) {}
