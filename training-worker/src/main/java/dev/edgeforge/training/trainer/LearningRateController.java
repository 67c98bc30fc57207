package dev.edgeforge.training.trainer;

import ai.djl.training.tracker.Tracker;
import dev.edgeforge.core.learning.LearningRateSchedule;

/**
 * The optimizer's learning rate under a {@link LearningRateSchedule}: DJL's Adam asks it for the rate of every update
 * ({@link #getNewValue(int)}, 1-based update count); the epoch loop reports each validation loss
 * ({@link #onValidation(double)}) for reduce-on-plateau. Without a schedule the rate is constant.
 */
final class LearningRateController implements Tracker {

    /** A validation loss must fall below {@code best × (1 − this)} to count as an improvement (Keras' rel mode). */
    static final double RELATIVE_IMPROVEMENT = 1e-4;

    private final double baseRate;
    private final LearningRateSchedule schedule;
    private final long totalSteps;
    private double plateauRate;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int epochsWithoutImprovement;
    /** Updates done before this run resumed: DJL's optimizer counts its updates from 1 again after a resume. */
    private long stepOffset;

    /**
     * @param baseRate   the hyperparameters' learning rate (the peak for cosine)
     * @param schedule   the schedule, or {@code null} for a constant rate
     * @param totalSteps optimizer steps planned (epochs × batches per epoch), for cosine
     */
    LearningRateController(double baseRate, LearningRateSchedule schedule, long totalSteps) {
        this.baseRate = baseRate;
        this.schedule = schedule;
        this.totalSteps = Math.max(1, totalSteps);
        this.plateauRate = baseRate;
    }

    @Override
    public float getNewValue(int numUpdate) {
        return (float) rateAt(numUpdate + stepOffset);
    }

    /** The rate of update {@code step} (1-based). */
    double rateAt(long step) {
        if (schedule instanceof LearningRateSchedule.ReduceOnPlateau) {
            return plateauRate;
        }
        if (schedule instanceof LearningRateSchedule.Cosine cosine) {
            long warmup = (long) Math.floor(cosine.warmupFraction() * totalSteps);
            if (step <= warmup) {
                return baseRate * step / warmup;
            }
            double progress = Math.min(1.0, (double) (step - warmup) / Math.max(1, totalSteps - warmup));
            double min = Math.min(cosine.minLearningRate(), baseRate);
            return min + 0.5 * (baseRate - min) * (1 + Math.cos(Math.PI * progress));
        }
        return baseRate;
    }

    /** Takes an epoch's validation loss; under reduce-on-plateau lowers the rate after {@code patience} bad epochs. */
    void onValidation(double loss) {
        if (!(schedule instanceof LearningRateSchedule.ReduceOnPlateau plateau)) {
            return;
        }
        if (loss < bestLoss * (1 - RELATIVE_IMPROVEMENT)) {
            bestLoss = loss;
            epochsWithoutImprovement = 0;
        } else if (++epochsWithoutImprovement >= plateau.patience()) {
            plateauRate = Math.max(plateau.minLearningRate(), plateauRate * plateau.factor());
            epochsWithoutImprovement = 0;
        }
    }

    /** What a checkpoint keeps of reduce-on-plateau's progress. */
    record State(double plateauRate, double bestLoss, int epochsWithoutImprovement) {}

    State state() {
        return new State(plateauRate, bestLoss, epochsWithoutImprovement);
    }

    /** Continues from a checkpoint's state after {@code stepsDone} updates. */
    void resume(State state, long stepsDone) {
        this.plateauRate = state.plateauRate();
        this.bestLoss = state.bestLoss();
        this.epochsWithoutImprovement = state.epochsWithoutImprovement();
        this.stepOffset = stepsDone;
    }

    /** The rate the next update gets under reduce-on-plateau or a constant rate (for logs). */
    double currentRate() {
        return plateauRate;
    }
}
