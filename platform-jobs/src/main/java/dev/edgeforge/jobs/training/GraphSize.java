package dev.edgeforge.jobs.training;

import dev.edgeforge.core.model.stats.ModelStats;

/**
 * The size figures of one model variant, as the models page shows them.
 *
 * @param fileBytes            the {@code .tflite} file
 * @param parameters           weights, biases and constants
 * @param weightBytes          bytes of those constants (flash)
 * @param macs                 multiply-accumulates per inference
 * @param activationLowerBound liveness lower bound of the activation RAM
 * @param arenaBytes           the planned activation arena (RAM)
 */
public record GraphSize(
        long fileBytes, long parameters, long weightBytes, long macs, int activationLowerBound, int arenaBytes) {

    public static GraphSize of(ModelStats stats, long fileBytes) {
        return new GraphSize(
                fileBytes,
                stats.parameters(),
                stats.weightBytes(),
                stats.macs(),
                stats.activationLowerBound(),
                stats.arenaBytes());
    }
}
