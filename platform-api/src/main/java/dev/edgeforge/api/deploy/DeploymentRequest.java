package dev.edgeforge.api.deploy;

import java.util.UUID;

/**
 * {@code POST /api/v1/projects/{projectId}/deployments}.
 *
 * @param modelId the model to deploy
 * @param variant {@code int8} (the model's own int8 file) or the name of one of its compressed int8 variants (e.g.
 *                {@code structured-pruning-int8}); default: the variant chosen for deployment on the compression
 *                page, else {@code int8}; {@code float32} is refused (compiled C runs int8)
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
