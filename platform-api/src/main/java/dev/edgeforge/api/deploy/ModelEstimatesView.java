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
 * @param parameters      weights and biases (elements); an anomaly model's table values
 * @param macs            multiply-accumulates per inference; an anomaly model's per window (one per feature and
 *                        cluster or component)
 * @param weightBytes     bytes of weights and biases; an anomaly model's float32 tables
 * @param arenaBytes      the planned activation arena (0 for an anomaly model: it has no network)
 * @param arenaLowerBound the liveness lower bound of the arena
 * @param method          how the figures are estimated, in words
 * @param targets         one estimate per target
 * @param anomaly         what the anomaly model is, {@code null} for a network
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
        List<TargetEstimateView> targets,
        AnomalyView anomaly) {

    /**
     * An anomaly model's side of the estimate.
     *
     * @param model              {@code kmeans} or {@code gmm}
     * @param description        e.g. "K-means, 32 clusters"
     * @param featureCount       features per window
     * @param components         clusters or mixture components
     * @param featureBufferBytes the float32 feature buffer the scorer reads (RAM)
     * @param tableBytes         the model's float32 tables (flash)
     */
    public record AnomalyView(
            String model,
            String description,
            int featureCount,
            int components,
            long featureBufferBytes,
            long tableBytes) {}

    /**
     * One target.
     *
     * @param target  the board id
     * @param name    the board's name
     * @param fits    whether flash and RAM suffice
     * @param ram     RAM by part
     * @param flash   flash by part
     * @param latency time per inference, DSP block and network apart
     * @param energy  energy per inference (the MCU's datasheet Run-mode current × voltage × time)
     */
    public record TargetEstimateView(
            String target,
            String name,
            boolean fits,
            DeploymentEstimate.Ram ram,
            DeploymentEstimate.Flash flash,
            DeploymentEstimate.Latency latency,
            DeploymentEstimate.Energy energy) {

        static TargetEstimateView of(DeploymentEstimate estimate) {
            return new TargetEstimateView(
                    estimate.boardId(),
                    estimate.boardName(),
                    estimate.fits(),
                    estimate.ram(),
                    estimate.flash(),
                    estimate.latency(),
                    estimate.energy());
        }
    }
}
