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
 * @param allowOverBudget build even when the estimate does not fit the board's RAM or flash (default false: such a
 *                request is refused with 422 {@code deployment-does-not-fit} and the figures); the deployment then
 *                carries a warning
 */
public record DeploymentRequest(UUID modelId, String variant, String target, String format, Boolean allowOverBudget) {

    /** A request that is refused when its estimate does not fit. */
    public DeploymentRequest(UUID modelId, String variant, String target, String format) {
        this(modelId, variant, target, format, null);
    }
}
