package dev.edgeforge.core.learning.anomaly;

/**
 * The confusion of an anomaly detector at one threshold, an anomaly being the positive class: a missed anomaly is a
 * false negative and counts against the accuracy.
 *
 * @param truePositives     anomalies called anomalous
 * @param falsePositives    normal windows (or samples) called anomalous
 * @param trueNegatives     normal ones called normal
 * @param falseNegatives    anomalies called normal
 * @param accuracy          (TP + TN) / all, or {@code null} when there is nothing
 * @param precision         TP / (TP + FP): how many alarms are real, or {@code null} when nothing is called anomalous
 * @param recall            TP / (TP + FN): the share of anomalies caught (the true-positive rate), or {@code null}
 *                          without known anomalies
 * @param f1                the harmonic mean of precision and recall, or {@code null} when either is undefined
 * @param falsePositiveRate FP / (FP + TN): the share of normal data called anomalous, or {@code null} without any
 */
public record AnomalyCounts(
        int truePositives,
        int falsePositives,
        int trueNegatives,
        int falseNegatives,
        Double accuracy,
        Double precision,
        Double recall,
        Double f1,
        Double falsePositiveRate) {

    /** The rates of these counts. */
    public static AnomalyCounts of(int tp, int fp, int tn, int fn) {
        int all = tp + fp + tn + fn;
        Double accuracy = all == 0 ? null : (double) (tp + tn) / all;
        Double precision = tp + fp == 0 ? null : (double) tp / (tp + fp);
        Double recall = tp + fn == 0 ? null : (double) tp / (tp + fn);
        Double f1 = precision == null || recall == null
                ? null
                : precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        Double falsePositiveRate = fp + tn == 0 ? null : (double) fp / (fp + tn);
        return new AnomalyCounts(tp, fp, tn, fn, accuracy, precision, recall, f1, falsePositiveRate);
    }

    /** Counts {@code score > threshold} against the labels. */
    public static AnomalyCounts at(double[] scores, boolean[] isAnomaly, double threshold) {
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean called = scores[i] > threshold;
            if (isAnomaly[i]) {
                tp += called ? 1 : 0;
                fn += called ? 0 : 1;
            } else {
                fp += called ? 1 : 0;
                tn += called ? 0 : 1;
            }
        }
        return of(tp, fp, tn, fn);
    }
}
