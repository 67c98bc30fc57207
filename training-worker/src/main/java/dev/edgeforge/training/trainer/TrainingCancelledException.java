package dev.edgeforge.training.trainer;

/** Training stopped because its cancellation token said so; no model was produced. */
public class TrainingCancelledException extends RuntimeException {

    private final int epoch;

    public TrainingCancelledException(int epoch, String message) {
        super(message);
        this.epoch = epoch;
    }

    /** The 1-based epoch that was running when training stopped. */
    public int epoch() {
        return epoch;
    }
}
