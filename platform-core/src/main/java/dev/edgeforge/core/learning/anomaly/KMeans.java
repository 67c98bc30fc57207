package dev.edgeforge.core.learning.anomaly;

import dev.edgeforge.core.learning.KMeansSettings;
import java.util.Arrays;
import java.util.Random;

/**
 * K-means clustering (Lloyd's algorithm) with k-means++ initialization. Deterministic for a given seed and data.
 *
 * <p>k-means++: the first centre is a uniformly random sample, each next centre a sample drawn with probability
 * proportional to its squared distance to the nearest centre chosen so far. When fewer distinct points than
 * clusters exist, the model has as many clusters as distinct points. A cluster that becomes empty is re-seeded with
 * the sample farthest from its centroid.
 */
public final class KMeans {

    private KMeans() {}

    /**
     * Clusters {@code features} (one row per sample).
     *
     * @throws IllegalArgumentException when the settings are invalid, rows differ in length, a value is not finite,
     *                                  or there are fewer samples than clusters
     */
    public static KMeansModel fit(float[][] features, KMeansSettings settings, long seed) {
        if (!settings.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", settings.problems()));
        }
        int n = features.length;
        int k = settings.clusterCount();
        if (n < k) {
            throw new IllegalArgumentException("K-means with " + k + " clusters needs at least " + k + " samples, got "
                    + n + "; add samples or lower the cluster count");
        }
        int d = requireRows(features);
        float[] mean = new float[d];
        float[] scale = new float[d];
        standardization(features, settings.standardize(), mean, scale);
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = ((double) features[i][j] - mean[j]) * scale[j];
            }
        }
        Random rng = new Random(seed);
        double[][] centres = kMeansPlusPlus(z, k, rng);
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        int iterations = 0;
        while (iterations < settings.maxIterations()) {
            iterations++;
            if (!assign(z, centres, assignment)) {
                break; // the centres are already the means of their samples
            }
            update(z, centres, assignment);
        }
        assign(z, centres, assignment);
        int[] sizes = new int[centres.length];
        for (int a : assignment) {
            sizes[a]++;
        }
        float[][] centroids = new float[centres.length][d];
        for (int c = 0; c < centres.length; c++) {
            for (int j = 0; j < d; j++) {
                centroids[c][j] = (float) centres[c][j];
            }
        }
        return new KMeansModel(mean, scale, centroids, sizes, iterations);
    }

    /** Checks that every row has the first row's length and only finite values; answers the length. */
    static int requireRows(float[][] features) {
        int d = features[0].length;
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != d) {
                throw new IllegalArgumentException(
                        "sample " + i + " has " + features[i].length + " features, sample 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Float.isFinite(features[i][j])) {
                    throw new IllegalArgumentException("sample " + i + " has a non-finite feature value ("
                            + features[i][j] + " at index " + j + ")");
                }
            }
        }
        return d;
    }

    static void standardization(float[][] features, boolean standardize, float[] mean, float[] scale) {
        int d = mean.length;
        if (!standardize) {
            Arrays.fill(scale, 1f);
            return;
        }
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (float[] row : features) {
                sum += row[j];
            }
            double m = sum / features.length;
            double squares = 0;
            for (float[] row : features) {
                squares += (row[j] - m) * (row[j] - m);
            }
            double std = Math.sqrt(squares / features.length);
            mean[j] = (float) m;
            // A constant feature carries no information; leave it unscaled instead of dividing by zero.
            scale[j] = std > 1e-12 ? (float) (1 / std) : 1f;
        }
    }

    static double[][] kMeansPlusPlus(double[][] z, int k, Random rng) {
        int n = z.length;
        double[][] centres = new double[k][];
        centres[0] = z[rng.nextInt(n)].clone();
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) {
            nearest[i] = squared(z[i], centres[0]);
        }
        int chosen = 1;
        while (chosen < k) {
            double total = 0;
            for (double v : nearest) {
                total += v;
            }
            if (total == 0) {
                break; // every sample coincides with a centre: no more distinct points
            }
            double target = rng.nextDouble() * total;
            int pick = n - 1;
            double cumulative = 0;
            for (int i = 0; i < n; i++) {
                cumulative += nearest[i];
                if (cumulative > target && nearest[i] > 0) {
                    pick = i;
                    break;
                }
            }
            centres[chosen] = z[pick].clone();
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], squared(z[i], centres[chosen]));
            }
            chosen++;
        }
        return Arrays.copyOf(centres, chosen);
    }

    /** Assigns every sample to its nearest centre; returns whether any assignment changed. */
    private static boolean assign(double[][] z, double[][] centres, int[] assignment) {
        boolean changed = false;
        for (int i = 0; i < z.length; i++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centres.length; c++) {
                double distance = squared(z[i], centres[c]);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = c;
                }
            }
            if (assignment[i] != best) {
                assignment[i] = best;
                changed = true;
            }
        }
        return changed;
    }

    /** Moves every centre to the mean of its samples; an empty cluster takes the sample farthest from its centre. */
    private static void update(double[][] z, double[][] centres, int[] assignment) {
        int d = z[0].length;
        double[][] sums = new double[centres.length][d];
        int[] counts = new int[centres.length];
        for (int i = 0; i < z.length; i++) {
            counts[assignment[i]]++;
            for (int j = 0; j < d; j++) {
                sums[assignment[i]][j] += z[i][j];
            }
        }
        for (int c = 0; c < centres.length; c++) {
            if (counts[c] == 0) {
                int farthest = farthestFromItsCentre(z, centres, assignment);
                centres[c] = z[farthest].clone();
                assignment[farthest] = c;
                continue;
            }
            for (int j = 0; j < d; j++) {
                centres[c][j] = sums[c][j] / counts[c];
            }
        }
    }

    private static int farthestFromItsCentre(double[][] z, double[][] centres, int[] assignment) {
        int farthest = 0;
        double max = -1;
        for (int i = 0; i < z.length; i++) {
            double distance = squared(z[i], centres[assignment[i]]);
            if (distance > max) {
                max = distance;
                farthest = i;
            }
        }
        return farthest;
    }

    private static double squared(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }
}
