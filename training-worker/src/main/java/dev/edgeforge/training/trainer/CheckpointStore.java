package dev.edgeforge.training.trainer;

/**
 * Where a training run keeps its checkpoint (see {@link Trainer.Builder#optCheckpoints}): the run saves one every
 * {@link CheckpointPolicy} and, when it starts, continues from the one it finds unless it is unreadable or belongs to
 * other training (another network, data or hyperparameters). The bytes are the trainer's own format.
 */
public interface CheckpointStore {

    /** The last checkpoint saved, or {@code null} when there is none. */
    byte[] load();

    /** Keeps {@code checkpoint}, taken after {@code epoch}, in place of the one before. */
    void save(int epoch, byte[] checkpoint);

    /** The loaded checkpoint is used: training continues with epoch {@code nextEpoch}. */
    void resumed(int nextEpoch);

    /** The loaded checkpoint is not used ({@code why}): training starts at epoch 1. */
    void ignored(String why);
}
