package dev.edgeforge.training.trainer;

import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TensorShape;
import java.util.List;
import java.util.Locale;

/**
 * The samples of one training run: features (one row per sample, channels last) and either class ids or regression
 * targets. {@link #check()} finds the data problems a person must fix before training can work.
 */
record TrainingData(
        float[][] features,
        TensorShape sampleShape,
        FeatureKind featureKind,
        LearningBlock.Kind kind,
        int[] labels,
        List<String> classNames,
        float[][] targets,
        List<String> targetNames) {

    int sampleCount() {
        return features.length;
    }

    boolean isClassification() {
        return kind == LearningBlock.Kind.CLASSIFICATION;
    }

    /** Classes or regression targets: the width of the network's output. */
    int outputCount() {
        return isClassification() ? classNames.size() : targetNames.size();
    }

    List<String> outputNames() {
        return isClassification() ? classNames : targetNames;
    }

    /** Largest absolute feature value, quoted when training diverges. */
    double largestAbsoluteFeature() {
        double max = 0;
        for (float[] row : features) {
            for (float v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    /**
     * Throws a {@link TrainingException} naming the first data problem: a non-finite feature or target, a label out
     * of range, a class without samples or with a single sample, fewer than two samples.
     */
    void check() {
        for (int i = 0; i < features.length; i++) {
            int bad = firstNonFinite(features[i]);
            if (bad >= 0) {
                throw new TrainingException(
                        TrainingException.Reason.INVALID_DATA,
                        String.format(
                                Locale.ROOT,
                                "Sample %d has a non-finite feature value (%s at index %d). Check the signal "
                                        + "processing output for this sample, or remove the sample.",
                                i,
                                features[i][bad],
                                bad));
            }
        }
        if (isClassification()) {
            checkClasses();
        } else {
            checkTargets();
        }
    }

    private void checkClasses() {
        int[] counts = new int[classNames.size()];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= counts.length) {
                throw new TrainingException(
                        TrainingException.Reason.INVALID_DATA,
                        "Sample " + i + " has label id "
                                + labels[i] + " but there are only " + counts.length + " classes (ids 0 to "
                                + (counts.length - 1) + ").");
            }
            counts[labels[i]]++;
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw new TrainingException(
                        TrainingException.Reason.EMPTY_CLASS,
                        "Class '" + classNames.get(c)
                                + "' has no samples. Add samples with this label or remove the class.");
            }
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < 2) {
                throw new TrainingException(
                        TrainingException.Reason.TOO_FEW_SAMPLES,
                        "Class '" + classNames.get(c)
                                + "' has only 1 sample; every class needs at least 2 (one to train on, one to validate"
                                + " with). Add samples with this label.");
            }
        }
    }

    private void checkTargets() {
        for (int i = 0; i < targets.length; i++) {
            int bad = firstNonFinite(targets[i]);
            if (bad >= 0) {
                throw new TrainingException(
                        TrainingException.Reason.INVALID_DATA,
                        "Sample " + i + " has a non-finite target (" + targets[i][bad] + " for '" + targetNames.get(bad)
                                + "').");
            }
        }
        if (features.length < 2) {
            throw new TrainingException(
                    TrainingException.Reason.TOO_FEW_SAMPLES,
                    "Regression needs at least 2 " + "samples (one to train on, one to validate with), got "
                            + features.length + ".");
        }
    }

    private static int firstNonFinite(float[] values) {
        for (int j = 0; j < values.length; j++) {
            if (!Float.isFinite(values[j])) {
                return j;
            }
        }
        return -1;
    }
}
