package dev.edgeforge.core.learning.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Classification metrics for a set of samples (validation or test) at an uncertain threshold.
 *
 * @param classNames         class names, in class id order
 * @param uncertainThreshold predictions whose best probability is below it are "uncertain"
 * @param samples            samples evaluated
 * @param uncertain          samples predicted uncertain
 * @param accuracy           correct predictions / samples; uncertain predictions count as wrong
 * @param confusionMatrix    {@code [actual][predicted]} counts; the last column ({@code classNames.size()}) counts
 *                           uncertain predictions
 * @param perClass           metrics of every class
 * @param macroF1            mean F1 over classes
 * @param weightedF1         F1 averaged with each class weighted by its support
 */
public record ClassificationReport(
        List<String> classNames,
        double uncertainThreshold,
        int samples,
        int uncertain,
        double accuracy,
        int[][] confusionMatrix,
        List<ClassMetrics> perClass,
        double macroF1,
        double weightedF1) {

    /**
     * Evaluates class probabilities against the actual classes.
     *
     * @param actual             actual class id of every sample
     * @param probabilities      the model's class probabilities for every sample
     * @param classNames         names of the class ids
     * @param uncertainThreshold see {@link Prediction#classify}; 0 for none
     */
    public static ClassificationReport of(
            int[] actual, float[][] probabilities, List<String> classNames, double uncertainThreshold) {
        int classes = classNames.size();
        if (actual.length != probabilities.length) {
            throw new IllegalArgumentException(actual.length + " labels but " + probabilities.length + " predictions");
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
        }
        int[] predicted = Prediction.classifyAll(probabilities, uncertainThreshold);
        int[][] confusion = new int[classes][classes + 1];
        int correct = 0;
        int uncertain = 0;
        for (int i = 0; i < actual.length; i++) {
            int column = predicted[i] == Prediction.UNCERTAIN ? classes : predicted[i];
            confusion[actual[i]][column]++;
            correct += predicted[i] == actual[i] ? 1 : 0;
            uncertain += predicted[i] == Prediction.UNCERTAIN ? 1 : 0;
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
            support += confusion[c][classes];
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
        return new ClassificationReport(
                List.copyOf(classNames),
                uncertainThreshold,
                n,
                uncertain,
                n == 0 ? 0 : (double) correct / n,
                confusion,
                List.copyOf(perClass),
                classes == 0 ? 0 : f1Sum / classes,
                n == 0 ? 0 : weightedF1Sum / n);
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
