package dev.edgeforge.core.learning.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Classification metrics of a set of windows (validation or test): the one definition every figure of the platform
 * uses (model page, training log, test jobs, the deployment's device-vs-server figures, the API).
 *
 * <p>The headline {@link #accuracy} is top-1: a window is right when its highest score is its class, however low that
 * score is. The "uncertain" threshold never turns a right answer wrong; it gives figures of its own beside the
 * headline: how many windows are {@link #uncertain} (top score below the threshold), and how often the confident rest
 * is right ({@link #confidentAccuracy}).
 *
 * @param classNames         class names, in class id order
 * @param uncertainThreshold windows whose top score is below it are "uncertain" (0: none is)
 * @param samples            windows evaluated
 * @param correct            windows whose top-1 class is their class
 * @param accuracy           top-1 accuracy: {@code correct / samples} (0 without windows)
 * @param uncertain          windows whose top score is below the threshold (they still count in {@code accuracy})
 * @param uncertainRate      {@code uncertain / samples} (0 without windows)
 * @param confidentAccuracy  top-1 accuracy of the windows that are not uncertain; {@code null} when every window is
 * @param confusionMatrix    {@code [actual][top-1 predicted]} window counts, a row and a column per class; every row
 *                           sums to that class's windows
 * @param uncertainByClass   per actual class, the windows that were uncertain (extra information: they are also in
 *                           their top-1 column of the confusion matrix)
 * @param perClass           top-1 precision, recall and F1 of every class
 * @param macroF1            mean F1 over classes
 * @param weightedF1         F1 averaged with each class weighted by its support
 * @param sampleVote         per-sample accuracy by majority vote over each sample's windows, or {@code null} when the
 *                           windows' samples are not known
 */
public record ClassificationReport(
        List<String> classNames,
        double uncertainThreshold,
        int samples,
        int correct,
        double accuracy,
        int uncertain,
        double uncertainRate,
        Double confidentAccuracy,
        int[][] confusionMatrix,
        int[] uncertainByClass,
        List<ClassMetrics> perClass,
        double macroF1,
        double weightedF1,
        SampleVote sampleVote) {

    /**
     * Per-sample accuracy: each sample's windows vote with their top-1 class; the class with most votes is the
     * sample's prediction (ties: the higher summed score of the tied classes, then the lower class id). A sample whose
     * windows carry several labels (label ranges) counts once per label, with the windows of that label.
     *
     * @param samples  samples (sample and label pairs) evaluated
     * @param correct  samples whose vote is their class
     * @param accuracy {@code correct / samples} (0 without samples)
     */
    public record SampleVote(int samples, int correct, double accuracy) {}

    /** Evaluates class scores against the actual classes, without per-sample figures. */
    public static ClassificationReport of(
            int[] actual, float[][] probabilities, List<String> classNames, double uncertainThreshold) {
        return of(actual, probabilities, null, classNames, uncertainThreshold);
    }

    /**
     * Evaluates class scores against the actual classes.
     *
     * @param actual             actual class id of every window
     * @param probabilities      the model's class scores for every window (probabilities for the threshold to mean
     *                           what it says; any monotonic scores for the top-1 figures)
     * @param sampleIds          the sample of every window, for the per-sample vote; {@code null} to leave it out
     * @param classNames         names of the class ids
     * @param uncertainThreshold see {@link Prediction#classify}; 0 for none
     */
    public static ClassificationReport of(
            int[] actual,
            float[][] probabilities,
            String[] sampleIds,
            List<String> classNames,
            double uncertainThreshold) {
        int classes = classNames.size();
        check(actual, probabilities, sampleIds, classes, uncertainThreshold);
        int[][] confusion = new int[classes][classes];
        int[] uncertainByClass = new int[classes];
        int correct = 0;
        int uncertain = 0;
        int confidentCorrect = 0;
        for (int i = 0; i < actual.length; i++) {
            int top = Prediction.top1(probabilities[i]);
            boolean isUncertain = Prediction.isUncertain(probabilities[i], uncertainThreshold);
            confusion[actual[i]][top]++;
            boolean right = top == actual[i];
            correct += right ? 1 : 0;
            if (isUncertain) {
                uncertain++;
                uncertainByClass[actual[i]]++;
            } else {
                confidentCorrect += right ? 1 : 0;
            }
        }
        List<ClassMetrics> perClass = new ArrayList<>();
        double f1Sum = 0;
        double weightedF1Sum = 0;
        for (int c = 0; c < classes; c++) {
            int support = 0;
            int predictedAsC = 0;
            for (int a = 0; a < classes; a++) {
                support += confusion[c][a];
                predictedAsC += confusion[a][c];
            }
            int truePositives = confusion[c][c];
            double precision = predictedAsC == 0 ? 0 : (double) truePositives / predictedAsC;
            double recall = support == 0 ? 0 : (double) truePositives / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new ClassMetrics(
                    classNames.get(c), support, precision, recall, f1, oneVsRestAuc(actual, probabilities, c)));
            f1Sum += f1;
            weightedF1Sum += f1 * support;
        }
        int n = actual.length;
        int confident = n - uncertain;
        return new ClassificationReport(
                List.copyOf(classNames),
                uncertainThreshold,
                n,
                correct,
                n == 0 ? 0 : (double) correct / n,
                uncertain,
                n == 0 ? 0 : (double) uncertain / n,
                confident == 0 ? null : (double) confidentCorrect / confident,
                confusion,
                uncertainByClass,
                List.copyOf(perClass),
                classes == 0 ? 0 : f1Sum / classes,
                n == 0 ? 0 : weightedF1Sum / n,
                sampleIds == null ? null : vote(actual, probabilities, sampleIds, classes));
    }

    private static void check(
            int[] actual, float[][] probabilities, String[] sampleIds, int classes, double uncertainThreshold) {
        if (actual.length != probabilities.length) {
            throw new IllegalArgumentException(actual.length + " labels but " + probabilities.length + " predictions");
        }
        if (sampleIds != null && sampleIds.length != actual.length) {
            throw new IllegalArgumentException(actual.length + " labels but " + sampleIds.length + " sample ids");
        }
        if (!(uncertainThreshold >= 0 && uncertainThreshold <= 1)) {
            throw new IllegalArgumentException(
                    "the uncertain threshold must be between 0 and 1, got " + uncertainThreshold);
        }
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] < 0 || actual[i] >= classes) {
                throw new IllegalArgumentException(
                        "sample " + i + " has class id " + actual[i] + " but there are " + classes + " classes");
            }
            if (probabilities[i].length != classes) {
                throw new IllegalArgumentException("sample " + i + " has " + probabilities[i].length
                        + " probabilities for " + classes + " classes");
            }
            if (sampleIds != null) {
                Objects.requireNonNull(sampleIds[i], "sample id of window " + i);
            }
        }
    }

    private static SampleVote vote(int[] actual, float[][] probabilities, String[] sampleIds, int classes) {
        // (sample, actual class) -> [votes per class..., then summed scores per class...]
        Map<String, double[]> ballots = new LinkedHashMap<>();
        Map<String, Integer> truth = new LinkedHashMap<>();
        for (int i = 0; i < actual.length; i++) {
            String key = sampleIds[i] + '\u0000' + actual[i];
            double[] ballot = ballots.computeIfAbsent(key, k -> new double[2 * classes]);
            truth.put(key, actual[i]);
            ballot[Prediction.top1(probabilities[i])]++;
            for (int c = 0; c < classes; c++) {
                ballot[classes + c] += probabilities[i][c];
            }
        }
        int correct = 0;
        for (Map.Entry<String, double[]> entry : ballots.entrySet()) {
            double[] ballot = entry.getValue();
            int winner = 0;
            for (int c = 1; c < classes; c++) {
                if (ballot[c] > ballot[winner]
                        || (ballot[c] == ballot[winner] && ballot[classes + c] > ballot[classes + winner])) {
                    winner = c;
                }
            }
            correct += winner == truth.get(entry.getKey()) ? 1 : 0;
        }
        int samples = ballots.size();
        return new SampleVote(samples, correct, samples == 0 ? 0 : (double) correct / samples);
    }

    private static Double oneVsRestAuc(int[] actual, float[][] probabilities, int c) {
        boolean[] positive = new boolean[actual.length];
        double[] scores = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            positive[i] = actual[i] == c;
            scores[i] = probabilities[i][c];
        }
        return RocAuc.isDefined(positive) ? RocAuc.of(scores, positive) : null;
    }
}
