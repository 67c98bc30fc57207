package dev.edgeforge.training.trainer;

/**
 * Where a training run is, for a {@link StepHook}: the step just taken (for
 * {@link StepHook#beforeTraining}: step 0 of epoch 0) and how many there will be in all.
 *
 * @param epoch           1-based epoch (0 before training)
 * @param epochs          planned epochs
 * @param batch           1-based batch within the epoch (0 before training)
 * @param batchesPerEpoch optimizer steps per epoch
 * @param step            1-based optimizer step over the whole run (0 before training)
 * @param totalSteps      {@code epochs × batchesPerEpoch}
 */
public record TrainingStep(int epoch, int epochs, int batch, int batchesPerEpoch, long step, long totalSteps) {

    /** The run's progress in steps, 0 before training and 1 after the last step. */
    public double progress() {
        return totalSteps == 0 ? 1 : (double) step / totalSteps;
    }
}
