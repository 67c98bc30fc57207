package dev.edgeforge.api.compression;

import java.util.UUID;

/**
 * The body of {@code POST .../models/{modelId}/deploy-variant}.
 *
 * @param variant the variant's name in the report, e.g. {@code structured-pruning-int8}
 * @param jobId   the compress job whose report it is; {@code null} for the model's latest report
 */
public record DeployVariantRequest(String variant, UUID jobId) {}
