package dev.edgeforge.core.learning.anomaly;

import dev.edgeforge.core.learning.GmmSettings;
import java.util.Arrays;
import java.util.Random;

/**
 * Fits a Gaussian mixture with diagonal covariances by expectation–maximization. Deterministic for a given seed and
 * data.
 *
 * <p>Initialization: k-means++ picks the starting means (as {@link KMeans} does); every sample goes to its nearest
 * mean, and each component starts with the weight, mean and per-feature variance of its samples. Then EM runs until
 * the mean log-likelihood per sample improves by less than {@link #TOLERANCE} or {@code maxIterations} is reached.
 * Variances never fall below {@link #VARIANCE_FLOOR} (in standardized units): a feature that is constant within a
 * component would otherwise give it an infinite density and every other value an infinite score.
 */
public final class GaussianMixture {

    /** Smallest variance of a feature in a component, in standardized units. */
    public static final double VARIANCE_FLOOR = 1e-3;
    /** EM stops when the mean log-likelihood per sample improves by less than this. */
    public static final double TOLERANCE = 1e-4;

    private GaussianMixture() {}

    /**
     * Fits {@code features} (one row per sample).
     *
     * @throws IllegalArgumentException when the settings are invalid, rows differ in length, a value is not finite,
     *                                  or there are fewer samples than components
     */
    public static GaussianMixtureModel fit(float[][] features, GmmSettings settings, long seed) {
        if (!settings.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", settings.problems()));
        }
        int n = features.length;
        int k = settings.componentCount();
        if (n < k) {
            throw new IllegalArgumentException("A Gaussian mixture with " + k + " components needs at least " + k
                    + " samples, got " + n + "; add samples or lower the component count");
        }
        int d = KMeans.requireRows(features);
        float[] mean = new float[d];
        float[] scale = new float[d];
        KMeans.standardization(features, settings.standardize(), mean, scale);
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = ((double) features[i][j] - mean[j]) * scale[j];
            }
        }
        double[][] centres = KMeans.kMeansPlusPlus(z, k, new Random(seed));
        int components = centres.length; // fewer when the data has fewer distinct points
        double[][] responsibilities = new double[n][components];
        for (int i = 0; i < n; i++) {
            responsibilities[i][nearest(z[i], centres)] = 1;
        }
        double[] weights = new double[components];
        double[][] means = new double[components][d];
        double[][] variances = new double[components][d];
        maximize(z, responsibilities, weights, means, variances);
        double previous = Double.NEGATIVE_INFINITY;
        int iterations = 0;
        while (iterations < settings.maxIterations()) {
            iterations++;
            double logLikelihood = expect(z, weights, means, variances, responsibilities);
            maximize(z, responsibilities, weights, means, variances);
            if (logLikelihood - previous < TOLERANCE) {
                break;
            }
            previous = logLikelihood;
        }
        return new GaussianMixtureModel(mean, scale, weights, means, variances, iterations);
    }

    /** E step: fills the responsibilities; answers the mean log-likelihood per sample. */
    private static double expect(
            double[][] z, double[] weights, double[][] means, double[][] variances, double[][] responsibilities) {
        double total = 0;
        int components = weights.length;
        double[] logs = new double[components];
        for (int i = 0; i < z.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < components; c++) {
                logs[c] = weights[c] > 0
                        ? Math.log(weights[c]) + GaussianMixtureModel.logDensity(z[i], means[c], variances[c])
                        : Double.NEGATIVE_INFINITY;
                max = Math.max(max, logs[c]);
            }
            double sum = 0;
            for (int c = 0; c < components; c++) {
                sum += Math.exp(logs[c] - max);
            }
            double logSum = max + Math.log(sum);
            for (int c = 0; c < components; c++) {
                responsibilities[i][c] = Math.exp(logs[c] - logSum);
            }
            total += logSum;
        }
        return total / z.length;
    }

    /** M step: weights, means and floored variances from the responsibilities. */
    private static void maximize(
            double[][] z, double[][] responsibilities, double[] weights, double[][] means, double[][] variances) {
        int n = z.length;
        int d = z[0].length;
        for (int c = 0; c < weights.length; c++) {
            double nc = 0;
            double[] sum = new double[d];
            for (int i = 0; i < n; i++) {
                double r = responsibilities[i][c];
                nc += r;
                for (int j = 0; j < d; j++) {
                    sum[j] += r * z[i][j];
                }
            }
            weights[c] = nc / n;
            if (nc < 1e-10) {
                // a component no sample belongs to: it keeps its place but weighs nothing
                weights[c] = 0;
                Arrays.fill(variances[c], 1);
                continue;
            }
            for (int j = 0; j < d; j++) {
                means[c][j] = sum[j] / nc;
            }
            double[] squares = new double[d];
            for (int i = 0; i < n; i++) {
                double r = responsibilities[i][c];
                for (int j = 0; j < d; j++) {
                    double diff = z[i][j] - means[c][j];
                    squares[j] += r * diff * diff;
                }
            }
            for (int j = 0; j < d; j++) {
                variances[c][j] = Math.max(VARIANCE_FLOOR, squares[j] / nc);
            }
        }
    }

    private static int nearest(double[] point, double[][] centres) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double distance = 0;
            for (int j = 0; j < point.length; j++) {
                double diff = point[j] - centres[c][j];
                distance += diff * diff;
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }
}
