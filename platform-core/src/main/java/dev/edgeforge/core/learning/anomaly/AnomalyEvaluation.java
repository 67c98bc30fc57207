package dev.edgeforge.core.learning.anomaly;

import dev.edgeforge.core.learning.eval.RocAuc;

/**
 * How well an anomaly detector separates labelled normal and anomalous samples.
 *
 * @param samples        samples evaluated
 * @param anomalies      samples labelled anomalous
 * @param auc            ROC AUC of the score, or {@code null} when the samples are all normal or all anomalous
 * @param truePositives  anomalies called anomalous at the threshold
 * @param falsePositives normal samples called anomalous
 * @param trueNegatives  normal samples called normal
 * @param falseNegatives anomalies called normal
 */
public record AnomalyEvaluation(
        int samples,
        int anomalies,
        Double auc,
        int truePositives,
        int falsePositives,
        int trueNegatives,
        int falseNegatives) {

    /**
     * Scores every sample and compares with the labels.
     *
     * @param isAnomaly the label of each sample: {@code true} for a known anomaly
     */
    public static AnomalyEvaluation of(AnomalyDetector detector, float[][] features, boolean[] isAnomaly) {
        if (features.length != isAnomaly.length) {
            throw new IllegalArgumentException(features.length + " samples but " + isAnomaly.length + " labels");
        }
        double[] scores = detector.model().scores(features);
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        int anomalies = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean called = scores[i] > detector.threshold();
            anomalies += isAnomaly[i] ? 1 : 0;
            if (isAnomaly[i]) {
                tp += called ? 1 : 0;
                fn += called ? 0 : 1;
            } else {
                fp += called ? 1 : 0;
                tn += called ? 0 : 1;
            }
        }
        Double auc = RocAuc.isDefined(isAnomaly) ? RocAuc.of(scores, isAnomaly) : null;
        return new AnomalyEvaluation(scores.length, anomalies, auc, tp, fp, tn, fn);
    }
}
