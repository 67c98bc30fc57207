package dev.edgeforge.training.trainer;

/**
 * Runs on the training thread around optimizer steps, with the live DJL weights: pruning uses it to apply and
 * re-apply weight masks. It must be quick (it runs after every batch) and must not keep the arrays it is given.
 */
public interface StepHook {

    /** A hook that does nothing. */
    StepHook NONE = (step, weights) -> {};

    /** Called once before the first batch, after the initial weights are in place. */
    default void beforeTraining(TrainingStep plan, NetworkWeights weights) {}

    /** Called after every optimizer step. */
    void afterStep(TrainingStep step, NetworkWeights weights);
}
