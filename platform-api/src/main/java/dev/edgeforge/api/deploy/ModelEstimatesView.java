package dev.edgeforge.api.deploy;

import dev.edgeforge.jobs.estimate.DeploymentEstimate;
import java.util.List;
import java.util.UUID;

/**
 * What a model will cost on each target before anything is built.
 *
 * @param modelId         the model
 * @param modelName       its name
 * @param variant         the variant estimated: {@code int8} (the model's own file) or a compressed variant's name
 * @param parameters      weights and biases (elements)
 * @param macs            multiply-accumulates per inference
 * @param weightBytes     bytes of weights and biases
 * @param arenaBytes      the planned activation arena
 * @param arenaLowerBound the liveness lower bound of the arena
 * @param method          how the figures are estimated, in words
 * @param targets         one estimate per target
 */
public record ModelEstimatesView(
        UUID modelId,
        String modelName,
        String variant,
        long parameters,
        long macs,
        long weightBytes,
        int arenaBytes,
        int arenaLowerBound,
        String method,
        List<TargetEstimateView> targets) {

    /**
     * One target.
     *
     * @param target  the board id
     * @param name    the board's name
     * @param fits    whether flash and RAM suffice
     * @param ram     RAM by part
     * @param flash   flash by part
     * @param latency time per inference
     */
    public record TargetEstimateView(
            String target,
            String name,
            boolean fits,
            DeploymentEstimate.Ram ram,
            DeploymentEstimate.Flash flash,
            DeploymentEstimate.Latency latency) {

        static TargetEstimateView of(DeploymentEstimate estimate) {
            return new TargetEstimateView(
                    estimate.boardId(),
                    estimate.boardName(),
                    estimate.fits(),
                    estimate.ram(),
                    estimate.flash(),
                    estimate.latency());
        }
    }
}
