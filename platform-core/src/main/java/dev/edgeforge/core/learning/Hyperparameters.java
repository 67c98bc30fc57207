package dev.edgeforge.core.learning;

import java.util.ArrayList;
import java.util.List;

/**
 * How a neural learning block is trained. Recorded with every trained model (with the seed) so a run can be
 * repeated: the same seed, data and hyperparameters give the same metrics.
 *
 * <p>Fields missing from JSON become 0/false and are then reported by {@link #problems()}; start from
 * {@link #defaults()} and use the {@code withX} methods to change single values.
 *
 * @param epochs           passes over the training data (upper bound when early stopping is on)
 * @param learningRate     Adam's learning rate
 * @param batchSize        samples per gradient step
 * @param validationSplit  fraction of the samples held out for validation, stratified by class for classification
 * @param autoClassWeights weigh each class's loss by {@code n / (classes * n_class)} so rare classes count as much
 *                         as common ones
 * @param seed             seed of every random choice: weight initialization, split, shuffling, augmentation,
 *                         dropout
 * @param earlyStopping    stop when validation loss stops improving; {@code null} trains all epochs
 * @param augmentation     data augmentation applied to training batches; {@code null} for none
 * @param schedule         how the learning rate changes during training; {@code null} keeps it constant
 */
public record Hyperparameters(
        int epochs,
        double learningRate,
        int batchSize,
        double validationSplit,
        boolean autoClassWeights,
        long seed,
        EarlyStopping earlyStopping,
        Augmentation augmentation,
        LearningRateSchedule schedule) {

    /** 30 epochs, learning rate 0.0005, batch 32, 20 % validation, no class weights, seed 42, no early stopping. */
    public static Hyperparameters defaults() {
        return new Hyperparameters(30, 0.0005, 32, 0.2, false, 42L, null, null, null);
    }

    /**
     * Validation of hyperparameters: every problem, each naming its field; empty when the values are usable. The
     * learning rate is only required to be positive and finite: a too large one shows up as a diverging loss,
     * which the trainer reports.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (epochs < 1 || epochs > 10_000) {
            problems.add("epochs must be between 1 and 10000, got " + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            problems.add("learningRate must be a positive finite number, got " + learningRate);
        }
        if (batchSize < 1 || batchSize > 65_536) {
            problems.add("batchSize must be between 1 and 65536, got " + batchSize);
        }
        if (!(validationSplit > 0 && validationSplit <= 0.9)) {
            problems.add("validationSplit must be above 0 and at most 0.9, got " + validationSplit);
        }
        if (earlyStopping != null) {
            problems.addAll(earlyStopping.problems());
        }
        if (augmentation != null) {
            problems.addAll(augmentation.problems());
        }
        if (schedule != null) {
            problems.addAll(schedule.problems());
        }
        return problems;
    }

    /** Throws {@link HyperparameterViolation} listing every problem unless the values are usable. */
    public Hyperparameters requireValid() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new HyperparameterViolation(problems);
        }
        return this;
    }

    public Hyperparameters withEpochs(int value) {
        return new Hyperparameters(
                value,
                learningRate,
                batchSize,
                validationSplit,
                autoClassWeights,
                seed,
                earlyStopping,
                augmentation,
                schedule);
    }

    public Hyperparameters withLearningRate(double value) {
        return new Hyperparameters(
                epochs,
                value,
                batchSize,
                validationSplit,
                autoClassWeights,
                seed,
                earlyStopping,
                augmentation,
                schedule);
    }

    public Hyperparameters withBatchSize(int value) {
        return new Hyperparameters(
                epochs,
                learningRate,
                value,
                validationSplit,
                autoClassWeights,
                seed,
                earlyStopping,
                augmentation,
                schedule);
    }

    public Hyperparameters withValidationSplit(double value) {
        return new Hyperparameters(
                epochs, learningRate, batchSize, value, autoClassWeights, seed, earlyStopping, augmentation, schedule);
    }

    public Hyperparameters withAutoClassWeights(boolean value) {
        return new Hyperparameters(
                epochs, learningRate, batchSize, validationSplit, value, seed, earlyStopping, augmentation, schedule);
    }

    public Hyperparameters withSeed(long value) {
        return new Hyperparameters(
                epochs,
                learningRate,
                batchSize,
                validationSplit,
                autoClassWeights,
                value,
                earlyStopping,
                augmentation,
                schedule);
    }

    public Hyperparameters withEarlyStopping(EarlyStopping value) {
        return new Hyperparameters(
                epochs,
                learningRate,
                batchSize,
                validationSplit,
                autoClassWeights,
                seed,
                value,
                augmentation,
                schedule);
    }

    public Hyperparameters withAugmentation(Augmentation value) {
        return new Hyperparameters(
                epochs,
                learningRate,
                batchSize,
                validationSplit,
                autoClassWeights,
                seed,
                earlyStopping,
                value,
                schedule);
    }

    public Hyperparameters withSchedule(LearningRateSchedule value) {
        return new Hyperparameters(
                epochs,
                learningRate,
                batchSize,
                validationSplit,
                autoClassWeights,
                seed,
                earlyStopping,
                augmentation,
                value);
    }
}
