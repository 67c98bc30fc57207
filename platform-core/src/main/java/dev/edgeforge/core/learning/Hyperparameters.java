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
 * @param autoClassWeights when the classes are imbalanced (the largest has at least
 *                         {@value #IMBALANCE_RATIO} times the windows of the smallest), weigh each class's loss by
 *                         {@code n / (classes * n_class)} so rare classes count as much as common ones
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

    /** Class size ratio (largest / smallest) from which automatic class weights apply. */
    public static final double IMBALANCE_RATIO = 1.5;

    /**
     * Training that converges without tuning (chosen on real recordings, issue #12): Adam at 0.001, batch 32, 20 %
     * validation, up to 200 epochs with early stopping on the validation loss (patience 20, the best epoch's weights
     * kept), the learning rate halved after 5 epochs without improvement (down to 1e-5), class weights when the
     * classes are imbalanced, seed 42, no augmentation. {@link #defaultsFor} adds what suits the features.
     */
    public static Hyperparameters defaults() {
        return new Hyperparameters(
                200,
                0.001,
                32,
                0.2,
                true,
                42L,
                new EarlyStopping(20, 0),
                null,
                new LearningRateSchedule.ReduceOnPlateau(5, 0.5, 0.00001));
    }

    /**
     * The default per-bin offset of spectrogram augmentation, in spreads of each bin: chosen on spoken digits of
     * speakers held out of training (fsdd-dev, trained on two voices, tested on the third: int8 top-1 0.687 → 0.825 and
     * 0.524 → 0.584 on the two speakers it was chosen on), where a recording's own colouring (voice, microphone) is
     * what the model otherwise learns instead of the word.
     */
    public static final double SPECTROGRAM_BIN_OFFSET = 1.0;

    /**
     * {@link #defaults()} with the augmentation that helps these features by default: for spectrograms two time masks
     * up to 5 % of the frames wide, one frequency mask up to 15 % of the bins (SpecAugment) and per-bin offsets of
     * {@value #SPECTROGRAM_BIN_OFFSET} spreads; for images {@link ImageAugmentation#defaults()} (flips, crops,
     * brightness, contrast, small rotations; issue #20, where a small photo set trailed simple baselines without it);
     * none for time series (offered but off: on the real gestures it did not help).
     */
    public static Hyperparameters defaultsFor(FeatureKind kind, TensorShape shape) {
        Hyperparameters defaults = defaults();
        if (kind == FeatureKind.SPECTROGRAM && shape.rank() >= 2) {
            int frames = shape.dim(0);
            int bins = shape.dim(1);
            return defaults.withAugmentation(Augmentation.of(new SpectrogramAugmentation(
                    2,
                    Math.max(1, (int) Math.round(0.05 * frames)),
                    1,
                    Math.max(1, (int) Math.round(0.15 * bins)),
                    0,
                    0,
                    SPECTROGRAM_BIN_OFFSET)));
        }
        if (kind == FeatureKind.IMAGE && shape.rank() == 3) {
            return defaults.withAugmentation(Augmentation.of(ImageAugmentation.defaults()));
        }
        return defaults;
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
