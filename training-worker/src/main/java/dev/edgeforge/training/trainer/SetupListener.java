package dev.edgeforge.training.trainer;

/**
 * Hears what a training run does before its first epoch ends — waiting for the engine another run holds, loading
 * PyTorch, building and initializing the network, the first batches — so a job can say so instead of sitting silent
 * until the first epoch's line. Called on the training thread; it should return quickly.
 */
@FunctionalInterface
public interface SetupListener {

    /** Listener that ignores every stage. */
    SetupListener NONE = (message, share) -> {};

    /**
     * One step of the set-up.
     *
     * @param message what the run is doing now, for people
     * @param share   how much of the set-up and first epoch is done, 0..1
     */
    void onStage(String message, double share);
}
