package dev.edgeforge.api.model;

import java.util.UUID;

/**
 * Answer of the job endpoints (202): follow the job at {@code /api/v1/jobs/{jobId}} and its log at
 * {@code /api/v1/jobs/{jobId}/logs}; the model is at {@code .../models/{modelId}}.
 */
public record ModelJobStarted(UUID jobId, UUID modelId) {}
