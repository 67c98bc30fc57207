package dev.edgeforge.training.trainer;

/**
 * Training could not produce a model, for a reason a person can act on; the message says what happened and what to
 * change. The job stores the message as the job's error.
 */
public class TrainingException extends RuntimeException {

    /** Why training stopped. */
    public enum Reason {
        /** Features or labels are unusable: non-finite values, labels out of range. */
        INVALID_DATA,
        /** A class has no samples. */
        EMPTY_CLASS,
        /** Too few samples to train and validate. */
        TOO_FEW_SAMPLES,
        /** The loss became NaN or infinite. */
        DIVERGED,
        /** The exported weights do not reproduce the trained network's outputs (a bug, not a data problem). */
        EXPORT_MISMATCH
    }

    private final Reason reason;

    public TrainingException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why training stopped; stable for the API ({@code training-<reason>}). */
    public Reason reason() {
        return reason;
    }
}
