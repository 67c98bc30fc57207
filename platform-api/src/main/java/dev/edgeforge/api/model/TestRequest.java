package dev.edgeforge.api.model;

import java.util.UUID;

/**
 * Body of {@code POST /api/v1/projects/{projectId}/jobs/test}.
 *
 * @param modelId            the model to test on the project's current test features
 * @param uncertainThreshold classification results below it count as uncertain; default: the model's
 */
public record TestRequest(UUID modelId, Double uncertainThreshold) {}
