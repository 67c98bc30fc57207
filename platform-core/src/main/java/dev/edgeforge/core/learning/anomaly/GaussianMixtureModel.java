package dev.edgeforge.core.learning.anomaly;

import java.util.Arrays;
import java.util.Objects;

/**
 * A trained Gaussian mixture with diagonal covariances. Features are standardized as for K-means,
 * {@code z[j] = (x[j] - mean[j]) * scale[j]}, and the anomaly score is the negative log-likelihood of {@code z} under
 * the mixture: {@code -log sum_k weight[k] * N(z; means[k], diag(variances[k]))}. Higher is more anomalous; it can be
 * negative (a density above 1).
 *
 * @param mean       per-feature offset subtracted before scoring
 * @param scale      per-feature factor applied after subtracting the mean ({@code 1 / std}, or 1)
 * @param weights    mixing weight of each component, summing to 1
 * @param means      component means in standardized space
 * @param variances  component variances (diagonal) in standardized space, each at least the variance floor
 * @param iterations EM iterations run
 */
public record GaussianMixtureModel(
        float[] mean, float[] scale, double[] weights, double[][] means, double[][] variances, int iterations)
        implements AnomalyModel {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    public GaussianMixtureModel {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(means, "means");
        Objects.requireNonNull(variances, "variances");
        if (scale.length != mean.length
                || weights.length == 0
                || means.length != weights.length
                || variances.length != weights.length) {
            throw new IllegalArgumentException("inconsistent Gaussian mixture: " + mean.length + " means, "
                    + scale.length + " scales, " + weights.length + " weights, " + means.length + " component means, "
                    + variances.length + " component variances");
        }
        for (int k = 0; k < weights.length; k++) {
            if (means[k].length != mean.length || variances[k].length != mean.length) {
                throw new IllegalArgumentException("every component needs " + mean.length + " means and variances");
            }
            for (double v : variances[k]) {
                if (!(v > 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("component " + k + " has a variance of " + v);
                }
            }
        }
    }

    @Override
    public int featureCount() {
        return mean.length;
    }

    @Override
    public double score(float[] features) {
        if (features.length != mean.length) {
            throw new IllegalArgumentException(
                    "the Gaussian mixture needs " + mean.length + " features, got " + features.length);
        }
        double[] z = new double[features.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = ((double) features[j] - mean[j]) * scale[j];
        }
        return -logLikelihood(z, weights, means, variances);
    }

    @Override
    public String describe() {
        return "Gaussian mixture, " + weights.length + " components";
    }

    /** {@code log sum_k w_k N(z; mu_k, diag(var_k))}, computed with log-sum-exp so far-away points do not underflow. */
    static double logLikelihood(double[] z, double[] weights, double[][] means, double[][] variances) {
        double[] logs = new double[weights.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < weights.length; k++) {
            logs[k] = weights[k] > 0
                    ? Math.log(weights[k]) + logDensity(z, means[k], variances[k])
                    : Double.NEGATIVE_INFINITY;
            max = Math.max(max, logs[k]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double l : logs) {
            sum += Math.exp(l - max);
        }
        return max + Math.log(sum);
    }

    static double logDensity(double[] z, double[] mu, double[] var) {
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            double d = z[j] - mu[j];
            sum += LOG_TWO_PI + Math.log(var[j]) + d * d / var[j];
        }
        return -0.5 * sum;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GaussianMixtureModel that
                && Arrays.equals(mean, that.mean)
                && Arrays.equals(scale, that.scale)
                && Arrays.equals(weights, that.weights)
                && Arrays.deepEquals(means, that.means)
                && Arrays.deepEquals(variances, that.variances)
                && iterations == that.iterations;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                Arrays.hashCode(mean),
                Arrays.hashCode(scale),
                Arrays.hashCode(weights),
                Arrays.deepHashCode(means),
                Arrays.deepHashCode(variances),
                iterations);
    }

    @Override
    public String toString() {
        return "GaussianMixtureModel[" + weights.length + " components, " + mean.length + " features, " + iterations
                + " iterations]";
    }
}
