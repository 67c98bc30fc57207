package dev.edgeforge.core.feature;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How well each feature on its own separates the labels, for the feature explorer's "most important features" list.
 * Per feature, over the rows grouped by label ({@code n_c} rows of mean {@code μ_c} in label {@code c}, overall mean
 * {@code μ}):
 * <ul>
 *   <li>between-class sum of squares {@code B = Σ_c n_c (μ_c − μ)²};</li>
 *   <li>within-class sum of squares {@code W = Σ_c Σ_{i∈c} (x_i − μ_c)²};</li>
 *   <li>{@link #fisherScores() Fisher score} {@code B / W}: 0 when the feature carries no label information, large
 *       when the classes sit apart relative to their spread; {@code +∞} when every class is constant but the classes
 *       differ (and 0 when nothing varies at all);</li>
 *   <li>{@link #separability() separability} {@code B / (B + W)} (the correlation ratio η²): the same ordering,
 *       bounded to [0, 1] and always finite, convenient to show and to serialise.</li>
 * </ul>
 * One streaming pass with Welford's updates per label and feature (numerically stable), {@code O(n·d)} time and
 * {@code O(labels·d)} memory.
 *
 * @param fisherScores per-feature Fisher score (may hold {@code +∞})
 * @param separability per-feature {@code B / (B + W)} in [0, 1]
 */
public record FeatureImportance(double[] fisherScores, double[] separability) {

    public FeatureImportance {
        fisherScores = fisherScores.clone();
        separability = separability.clone();
    }

    @Override
    public double[] fisherScores() {
        return fisherScores.clone();
    }

    @Override
    public double[] separability() {
        return separability.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureImportance i
                && Arrays.equals(i.fisherScores, fisherScores)
                && Arrays.equals(i.separability, separability);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(fisherScores) + Arrays.hashCode(separability);
    }

    @Override
    public String toString() {
        return "FeatureImportance[" + fisherScores.length + " features]";
    }

    /**
     * Scores each feature of the rows.
     *
     * @throws IllegalArgumentException when there are no rows or rows differ in length
     */
    public static FeatureImportance of(Iterable<FeatureRow> rows) {
        Map<String, double[][]> perLabel = new LinkedHashMap<>(); // label → {count, mean[d], m2[d]}
        int d = -1;
        long index = 0;
        for (FeatureRow row : rows) {
            float[] x = row.features();
            if (d < 0) {
                d = x.length;
            } else if (x.length != d) {
                throw new IllegalArgumentException("row " + index + " has " + x.length + " features, row 0 has " + d);
            }
            int length = d;
            double[][] s = perLabel.computeIfAbsent(
                    row.label(), l -> new double[][] {{0}, new double[length], new double[length]});
            double n = ++s[0][0];
            double[] mean = s[1];
            double[] m2 = s[2];
            for (int f = 0; f < d; f++) {
                double delta = x[f] - mean[f];
                mean[f] += delta / n;
                m2[f] += delta * (x[f] - mean[f]);
            }
            index++;
        }
        if (d < 0) {
            throw new IllegalArgumentException("feature importance needs at least one row");
        }
        double total = 0;
        double[] overall = new double[d];
        for (double[][] s : perLabel.values()) {
            total += s[0][0];
            for (int f = 0; f < d; f++) {
                overall[f] += s[0][0] * s[1][f];
            }
        }
        double[] fisher = new double[d];
        double[] eta = new double[d];
        for (int f = 0; f < d; f++) {
            double mu = overall[f] / total;
            double between = 0;
            double within = 0;
            for (double[][] s : perLabel.values()) {
                double diff = s[1][f] - mu;
                between += s[0][0] * diff * diff;
                within += s[2][f];
            }
            // below round-off of the data's own scale, a sum of squares is zero
            double floor = 1e-12 * (between + within);
            if (within <= floor) {
                fisher[f] = between > 0 ? Double.POSITIVE_INFINITY : 0;
                eta[f] = between > 0 ? 1 : 0;
            } else {
                fisher[f] = between / within;
                eta[f] = between / (between + within);
            }
        }
        return new FeatureImportance(fisher, eta);
    }
}
