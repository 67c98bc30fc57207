package dev.edgeforge.core.learning.anomaly;

import dev.edgeforge.core.learning.eval.RocAuc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well an anomaly detector separates labelled normal and anomalous test data, per window and per sample (a
 * sample's score is its highest window score, so a sample is called anomalous when any of its windows is), with the
 * ROC curve and the score histograms the model page draws and its threshold picker reads.
 *
 * @param threshold        windows scoring above it are called anomalous
 * @param windows          windows evaluated
 * @param anomalies        windows labelled anomalous
 * @param auc              window-level ROC AUC of the score, or {@code null} when the windows are all normal or all
 *                         anomalous
 * @param confusion        window-level confusion at the threshold
 * @param samples          samples (recordings) evaluated
 * @param anomalousSamples samples labelled anomalous
 * @param sampleAuc        sample-level ROC AUC, or {@code null} as for {@code auc}
 * @param sampleConfusion  sample-level confusion at the threshold
 * @param roc              window-level trade-off at candidate thresholds, from the highest down (at most
 *                         {@link #MAX_CURVE_POINTS}); empty when the AUC is undefined
 * @param histogram        window scores of normal and anomalous windows
 */
public record AnomalyEvaluation(
        double threshold,
        int windows,
        int anomalies,
        Double auc,
        AnomalyCounts confusion,
        int samples,
        int anomalousSamples,
        Double sampleAuc,
        AnomalyCounts sampleConfusion,
        List<CurvePoint> roc,
        ScoreHistogram histogram) {

    /** Most points kept on the ROC curve (every one exact at its threshold). */
    public static final int MAX_CURVE_POINTS = 200;
    /** Bins of the score histogram. */
    public static final int HISTOGRAM_BINS = 30;

    public AnomalyEvaluation {
        roc = roc == null ? List.of() : List.copyOf(roc);
    }

    /**
     * One candidate threshold and what it would do to the test windows.
     *
     * @param threshold         windows scoring above it are called anomalous
     * @param truePositiveRate  anomalies caught / anomalies (recall)
     * @param falsePositiveRate normal windows called anomalous / normal windows
     * @param precision         anomalies among the windows called anomalous, or {@code null} when none is called
     */
    public record CurvePoint(double threshold, double truePositiveRate, double falsePositiveRate, Double precision) {}

    /**
     * Counts of window scores per bin, normal and anomalous apart. The bins split {@code [edges[0], edges[bins]]}
     * evenly; the last bin also holds every score above its upper edge (the highest 1 % of scores at most, so one
     * far outlier does not squeeze the rest into a bin).
     *
     * @param edges     bin edges, one more than bins
     * @param normal    normal windows per bin
     * @param anomalous anomalous windows per bin
     * @param overflow  windows above the last edge (counted in the last bin)
     */
    public record ScoreHistogram(double[] edges, int[] normal, int[] anomalous, int overflow) {}

    /** Scores every window with the detector and evaluates; sample ids group windows into samples. */
    public static AnomalyEvaluation of(
            AnomalyDetector detector, float[][] features, boolean[] isAnomaly, String[] sampleIds) {
        return of(detector.model().scores(features), isAnomaly, sampleIds, detector.threshold());
    }

    /**
     * Evaluates window scores at {@code threshold}.
     *
     * @param sampleIds the sample of each window ({@code null} entries count as samples of their own)
     */
    public static AnomalyEvaluation of(double[] scores, boolean[] isAnomaly, String[] sampleIds, double threshold) {
        if (scores.length != isAnomaly.length || scores.length != sampleIds.length) {
            throw new IllegalArgumentException(
                    scores.length + " scores, " + isAnomaly.length + " labels and " + sampleIds.length + " sample ids");
        }
        int anomalies = 0;
        for (boolean a : isAnomaly) {
            anomalies += a ? 1 : 0;
        }
        boolean defined = RocAuc.isDefined(isAnomaly);
        Double auc = defined ? RocAuc.of(scores, isAnomaly) : null;

        Map<String, Integer> sampleIndex = new LinkedHashMap<>();
        List<double[]> perSample = new ArrayList<>(); // {max score, anomalous 0/1}
        for (int i = 0; i < scores.length; i++) {
            String id = sampleIds[i] == null ? "\u0000window-" + i : sampleIds[i];
            Integer s = sampleIndex.get(id);
            if (s == null) {
                sampleIndex.put(id, perSample.size());
                perSample.add(new double[] {scores[i], isAnomaly[i] ? 1 : 0});
            } else {
                double[] entry = perSample.get(s);
                entry[0] = Math.max(entry[0], scores[i]);
                entry[1] = Math.max(entry[1], isAnomaly[i] ? 1 : 0);
            }
        }
        double[] sampleScores = new double[perSample.size()];
        boolean[] sampleAnomalous = new boolean[perSample.size()];
        int anomalousSamples = 0;
        for (int s = 0; s < sampleScores.length; s++) {
            sampleScores[s] = perSample.get(s)[0];
            sampleAnomalous[s] = perSample.get(s)[1] > 0;
            anomalousSamples += sampleAnomalous[s] ? 1 : 0;
        }
        Double sampleAuc = RocAuc.isDefined(sampleAnomalous) ? RocAuc.of(sampleScores, sampleAnomalous) : null;
        return new AnomalyEvaluation(
                threshold,
                scores.length,
                anomalies,
                auc,
                AnomalyCounts.at(scores, isAnomaly, threshold),
                sampleScores.length,
                anomalousSamples,
                sampleAuc,
                AnomalyCounts.at(sampleScores, sampleAnomalous, threshold),
                defined ? curve(scores, isAnomaly) : List.of(),
                scores.length == 0 ? null : histogram(scores, isAnomaly));
    }

    /** One point per distinct score used as the threshold ({@code score > threshold}), thinned evenly by rank. */
    static List<CurvePoint> curve(double[] scores, boolean[] isAnomaly) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        long positives = 0;
        for (boolean a : isAnomaly) {
            positives += a ? 1 : 0;
        }
        long negatives = scores.length - positives;
        List<CurvePoint> all = new ArrayList<>();
        long tp = 0;
        long fp = 0;
        int i = 0;
        while (i < order.length) {
            double value = scores[order[i]];
            // at threshold = value, exactly the windows seen so far (all scoring above it) are called anomalous
            all.add(point(value, tp, fp, positives, negatives));
            while (i < order.length && scores[order[i]] == value) {
                if (isAnomaly[order[i]]) {
                    tp++;
                } else {
                    fp++;
                }
                i++;
            }
        }
        if (all.size() <= MAX_CURVE_POINTS) {
            return all;
        }
        List<CurvePoint> thinned = new ArrayList<>(MAX_CURVE_POINTS);
        for (int p = 0; p < MAX_CURVE_POINTS; p++) {
            thinned.add(all.get((int) Math.round((double) p * (all.size() - 1) / (MAX_CURVE_POINTS - 1))));
        }
        return thinned;
    }

    private static CurvePoint point(double threshold, long tp, long fp, long positives, long negatives) {
        return new CurvePoint(
                threshold,
                (double) tp / positives,
                (double) fp / negatives,
                tp + fp == 0 ? null : (double) tp / (tp + fp));
    }

    static ScoreHistogram histogram(double[] scores, boolean[] isAnomaly) {
        double low = Arrays.stream(scores).min().orElseThrow();
        double high = Math.max(low, AnomalyModel.quantile(scores, 0.99));
        int bins = high > low ? HISTOGRAM_BINS : 1;
        double width = high > low ? (high - low) / bins : 1;
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = b == bins ? (high > low ? high : low + 1) : low + b * width;
        }
        int[] normal = new int[bins];
        int[] anomalous = new int[bins];
        int overflow = 0;
        for (int i = 0; i < scores.length; i++) {
            int bin = (int) Math.floor((scores[i] - low) / width);
            if (scores[i] > edges[bins]) {
                overflow++;
            }
            bin = Math.max(0, Math.min(bins - 1, bin));
            if (isAnomaly[i]) {
                anomalous[bin]++;
            } else {
                normal[bin]++;
            }
        }
        return new ScoreHistogram(edges, normal, anomalous, overflow);
    }
}
