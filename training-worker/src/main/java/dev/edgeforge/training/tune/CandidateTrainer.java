package dev.edgeforge.training.tune;

import java.util.function.BooleanSupplier;

/** Trains one candidate for a rung and scores it. */
public interface CandidateTrainer {

    /**
     * Trains {@code spec} up to {@code epochs} epochs in total (going on from {@code previous} when not null) and
     * scores it.
     *
     * @param stop true once training must stop (time budget spent, job cancelled)
     * @throws Stopped when {@code stop} became true before the rung ended
     * @throws CandidateFailedException when this candidate cannot be trained (it is dropped, the search goes on)
     */
    Trial train(CandidateSpec spec, int rung, int epochs, Trial previous, BooleanSupplier stop);

    /** Training stopped because {@code stop} said so. */
    final class Stopped extends RuntimeException {
        public Stopped(String message) {
            super(message);
        }
    }

    /** One candidate could not be trained or scored. */
    final class CandidateFailedException extends RuntimeException {
        public CandidateFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
