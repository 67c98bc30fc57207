package dev.edgeforge.core.learning.anomaly;

import java.util.Arrays;
import java.util.Objects;

/**
 * Trained K-means clusters. Features are first standardized, {@code z[j] = (x[j] - mean[j]) * scale[j]} (identity
 * when standardization was off), and the anomaly score is the Euclidean distance from {@code z} to the nearest
 * centroid. The device code applies the same affine map and distance.
 *
 * @param mean         per-feature offset subtracted before clustering
 * @param scale        per-feature factor applied after subtracting the mean ({@code 1 / std}, or 1)
 * @param centroids    cluster centres in standardized space; fewer than requested when the data had fewer
 *                     distinct points
 * @param clusterSizes training samples per cluster
 * @param iterations   Lloyd iterations run
 */
public record KMeansModel(float[] mean, float[] scale, float[][] centroids, int[] clusterSizes, int iterations)
        implements AnomalyModel {

    public KMeansModel {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(centroids, "centroids");
        Objects.requireNonNull(clusterSizes, "clusterSizes");
        if (scale.length != mean.length || centroids.length == 0 || clusterSizes.length != centroids.length) {
            throw new IllegalArgumentException("inconsistent K-means model: " + mean.length + " means, " + scale.length
                    + " scales, " + centroids.length + " centroids, " + clusterSizes.length + " sizes");
        }
        for (float[] centroid : centroids) {
            if (centroid.length != mean.length) {
                throw new IllegalArgumentException("every centroid needs " + mean.length + " values");
            }
        }
    }

    /** Number of features a sample must have. */
    @Override
    public int featureCount() {
        return mean.length;
    }

    /** Anomaly score: distance from the standardized sample to the nearest centroid. */
    @Override
    public double score(float[] features) {
        double[] z = standardize(features);
        double best = Double.POSITIVE_INFINITY;
        for (float[] centroid : centroids) {
            best = Math.min(best, squaredDistance(z, centroid));
        }
        return Math.sqrt(best);
    }

    /** Index of the nearest centroid. */
    public int nearestCluster(float[] features) {
        double[] z = standardize(features);
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = squaredDistance(z, centroids[c]);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    double[] standardize(float[] features) {
        if (features.length != mean.length) {
            throw new IllegalArgumentException(
                    "the K-means model needs " + mean.length + " features, got " + features.length);
        }
        double[] z = new double[features.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = ((double) features[j] - mean[j]) * scale[j];
        }
        return z;
    }

    static double squaredDistance(double[] a, float[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            sum += d * d;
        }
        return sum;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KMeansModel that
                && Arrays.equals(mean, that.mean)
                && Arrays.equals(scale, that.scale)
                && Arrays.deepEquals(centroids, that.centroids)
                && Arrays.equals(clusterSizes, that.clusterSizes)
                && iterations == that.iterations;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                Arrays.hashCode(mean),
                Arrays.hashCode(scale),
                Arrays.deepHashCode(centroids),
                Arrays.hashCode(clusterSizes),
                iterations);
    }

    @Override
    public String describe() {
        return "K-means, " + centroids.length + " clusters";
    }

    @Override
    public String toString() {
        return "KMeansModel[" + centroids.length + " clusters, " + mean.length + " features, " + iterations
                + " iterations]";
    }
}
