package dev.edgeforge.api.deploy;

import java.util.UUID;

/**
 * {@code POST /api/v1/projects/{projectId}/deployments}.
 *
 * @param modelId the model to deploy
 * @param variant {@code int8} (default; the only one compiled C runs) or {@code float32}
 * @param target  a board id from {@code GET /api/v1/targets}
 * @param format  {@code firmware} or {@code c-library} ({@code tflm} and {@code stm32cubeai} are refused: not
 *                available in this version)
 */
public record DeploymentRequest(UUID modelId, String variant, String target, String format) {}
