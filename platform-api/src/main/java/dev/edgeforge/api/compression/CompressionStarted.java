package dev.edgeforge.api.compression;

import java.util.UUID;

/** The answer to starting a compression: follow the job at {@code /api/v1/jobs/{jobId}}. */
public record CompressionStarted(UUID jobId, UUID modelId) {}
