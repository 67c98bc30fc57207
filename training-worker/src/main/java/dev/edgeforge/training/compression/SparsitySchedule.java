package dev.edgeforge.training.compression;

/**
 * Gradual pruning schedule (Zhu and Gupta, 2017): sparsity rises from {@code initial} to {@code target} over the
 * first {@code rampFraction} of the fine-tuning steps as {@code s(t) = target + (initial − target)(1 − t / ramp)³},
 * fast at first, when many weights are redundant, and slowly near the end, so the network can recover; the rest of
 * the steps fine-tune at the target sparsity.
 *
 * @param initial      sparsity at step 0, in [0, target]
 * @param target       final sparsity, in [0, 1)
 * @param rampFraction share of the steps over which sparsity rises, in (0, 1]
 */
public record SparsitySchedule(double initial, double target, double rampFraction) {

    /** The default ramp: the first 70 % of the steps. */
    public static final double DEFAULT_RAMP = 0.7;

    public SparsitySchedule {
        if (!(target >= 0 && target < 1)) {
            throw new IllegalArgumentException("the target sparsity must be at least 0 and below 1, got " + target);
        }
        if (!(initial >= 0 && initial <= target)) {
            throw new IllegalArgumentException(
                    "the initial sparsity must be between 0 and the target " + target + ", got " + initial);
        }
        if (!(rampFraction > 0 && rampFraction <= 1)) {
            throw new IllegalArgumentException("the ramp fraction must be above 0 and at most 1, got " + rampFraction);
        }
    }

    /** From 0 to {@code target} over the default ramp. */
    public static SparsitySchedule to(double target) {
        return new SparsitySchedule(0, target, DEFAULT_RAMP);
    }

    /** The sparsity after {@code step} of {@code totalSteps} steps. */
    public double sparsityAt(long step, long totalSteps) {
        double ramp = Math.max(1, rampFraction * totalSteps);
        double t = Math.min(1, step / ramp);
        return target + (initial - target) * Math.pow(1 - t, 3);
    }
}
