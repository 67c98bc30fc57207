package dev.edgeforge.training.trainer;

import dev.edgeforge.core.learning.EpochMetrics;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.InferenceCheck;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TrainedNetwork;
import java.util.List;

/**
 * What a training run produced, with everything needed to record its lineage. Arrays are owned by the result and
 * not copied; treat them as read-only.
 *
 * @param architecture       the learning block trained (hidden layers as given)
 * @param hyperparameters    the hyperparameters used, seed included
 * @param outputNames        class names (classification) or target names (regression), in output order
 * @param history            metrics of every epoch run
 * @param bestEpoch          the 1-based epoch whose weights were kept (the last one without early stopping)
 * @param stoppedEarly       whether early stopping ended training before the last planned epoch
 * @param trainIndices       indices (into the given samples) of the training samples, ascending
 * @param validationIndices  indices of the validation samples, ascending
 * @param validationOutputs  DJL's outputs for the validation samples, row {@code i} for
 *                           {@code validationIndices[i]}: class probabilities (softmax) or regression values
 * @param classWeights       the per-class loss weights used, or {@code null} when automatic class weights were off or
 *                          the classes were about balanced
 *                           (or for regression)
 * @param network            the trained float32 network (output head and softmax included) in TFLite layouts
 * @param exportCheck        how closely {@code network}, run by the plain-Java
 *                           {@link dev.edgeforge.core.learning.InferenceCheck}, reproduced {@code validationOutputs}
 *                           (on up to 500 validation samples)
 * @param timing             where the time went
 */
public record TrainingResult(
        LearningBlock architecture,
        Hyperparameters hyperparameters,
        List<String> outputNames,
        List<EpochMetrics> history,
        int bestEpoch,
        boolean stoppedEarly,
        int[] trainIndices,
        int[] validationIndices,
        float[][] validationOutputs,
        float[] classWeights,
        TrainedNetwork network,
        InferenceCheck.Comparison exportCheck,
        TrainingTiming timing) {

    /** The metrics of the epoch whose weights were kept. */
    public EpochMetrics bestEpochMetrics() {
        return history.get(bestEpoch - 1);
    }

    /** The metrics of the last epoch run. */
    public EpochMetrics lastEpochMetrics() {
        return history.get(history.size() - 1);
    }
}
