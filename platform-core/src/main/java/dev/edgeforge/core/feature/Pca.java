package dev.edgeforge.core.feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Principal component analysis down to two components, for the feature explorer's 2D view.
 *
 * <h2>Method</h2>
 * <ol>
 *   <li><b>One streaming pass</b> over the rows accumulates the per-feature mean and the covariance matrix (upper
 *       triangle, in double). Rows are shifted by the first row before accumulating, which keeps the
 *       sum-of-products formula free of the cancellation it suffers when features have large means:
 *       {@code cov = (Σ zzᵀ − n·m·mᵀ) / (n − 1)} with {@code z = x − x₀} and {@code m} the mean of {@code z}.
 *       Cost {@code O(n·d²/2)}; memory {@code O(d²)}; rows are not kept.</li>
 *   <li><b>Wide features</b> (more than {@code maxDimension}, default {@value #MAX_EXACT_DIMENSION}, e.g. long MFE or
 *       image windows) are first reduced by averaging consecutive groups of {@code g = ⌈d / maxDimension⌉} features,
 *       a fixed linear map, and the PCA runs on the averages; the components are then expressed back as weights on
 *       the original features (each group's weight divided by its size). This bounds time and memory; it is an
 *       approximation, reported by {@link #groupSize()}.</li>
 *   <li><b>Eigenvectors</b>: up to {@value #JACOBI_LIMIT} dimensions, the full eigen-decomposition by cyclic Jacobi
 *       ({@link SymmetricEigen}). Above, orthogonal (block power) iteration on a block of
 *       {@value #BLOCK} vectors started from a fixed-seed random basis: multiply by the covariance, Rayleigh–Ritz
 *       (Jacobi on the small projected matrix), re-orthonormalise, until both leading Ritz pairs have a residual
 *       {@code ‖Cv − λv‖} under {@value #TOLERANCE}{@code ·λ₁} (or {@value #MAX_ITERATIONS} iterations, which only
 *       a second eigenvalue lost in a flat noise floor can need; the component is then the best found). The block
 *       converges at the rate {@code λ₁₇/λ₂} instead of {@code λ₂/λ₁}, so close leading eigenvalues do not slow it
 *       down.</li>
 *   <li>Signs are fixed so that each component's largest-magnitude weight is positive: the same data always gives
 *       the same picture.</li>
 * </ol>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Pca {

    /** Widest feature vector analysed without group averaging. */
    public static final int MAX_EXACT_DIMENSION = 1024;
    /** Largest dimension solved by full Jacobi decomposition. */
    static final int JACOBI_LIMIT = 64;

    static final int BLOCK = 16;
    /** Rows buffered per covariance update. */
    private static final int ROW_BLOCK = 64;

    static final int MAX_ITERATIONS = 1000;
    /** Residual, relative to the largest eigenvalue, at which a Ritz pair counts as converged. */
    static final double TOLERANCE = 1e-7;

    private static final long SEED = 0x5eed_fea7L;

    private final int inputLength;
    private final long rowCount;
    private final int groupSize;
    private final double[] mean;
    private final double[][] components;
    private final double[] explainedVariance;
    private final double totalVariance;

    private Pca(
            int inputLength,
            long rowCount,
            int groupSize,
            double[] mean,
            double[][] components,
            double[] explainedVariance,
            double totalVariance) {
        this.inputLength = inputLength;
        this.rowCount = rowCount;
        this.groupSize = groupSize;
        this.mean = mean;
        this.components = components;
        this.explainedVariance = explainedVariance;
        this.totalVariance = totalVariance;
    }

    /**
     * Fits two components to the rows in one pass.
     *
     * @throws IllegalArgumentException when there are no rows, rows differ in length or hold non-finite values
     */
    public static Pca fit(Iterable<float[]> rows) {
        return fit(rows, MAX_EXACT_DIMENSION);
    }

    /** {@link #fit(Iterable)} with another group-averaging threshold (tests use small ones). */
    static Pca fit(Iterable<float[]> rows, int maxDimension) {
        Iterator<float[]> it = rows.iterator();
        if (!it.hasNext()) {
            throw new IllegalArgumentException("PCA needs at least one row");
        }
        float[] first = it.next();
        int d = first.length;
        if (d == 0) {
            throw new IllegalArgumentException("PCA needs rows of at least one feature");
        }
        int g = (d + maxDimension - 1) / maxDimension;
        int r = (d + g - 1) / g;
        double[] shift = reduce(first, g, r, new double[r]);
        double[] featureSum = new double[d];
        double[] sum = new double[r];
        double[] packed = new double[r * (r + 1) / 2];
        double[] z = new double[r];
        // shifted rows are buffered feature-major, ROW_BLOCK at a time, so each covariance entry is updated once
        // per block by a short dot product instead of once per row: the accumulation becomes compute-bound
        double[][] block = new double[r][ROW_BLOCK];
        int buffered = 0;
        long n = 0;
        float[] row = first;
        while (true) {
            if (row.length != d) {
                throw new IllegalArgumentException("row " + n + " has " + row.length + " features, row 0 has " + d);
            }
            for (int f = 0; f < d; f++) {
                if (!Float.isFinite(row[f])) {
                    throw new IllegalArgumentException("row " + n + " feature " + f + " is " + row[f]);
                }
                featureSum[f] += row[f];
            }
            reduce(row, g, r, z);
            for (int i = 0; i < r; i++) {
                double zi = z[i] - shift[i];
                sum[i] += zi;
                block[i][buffered] = zi;
            }
            n++;
            if (++buffered == ROW_BLOCK) {
                accumulate(block, buffered, packed);
                buffered = 0;
            }
            if (!it.hasNext()) {
                break;
            }
            row = it.next();
        }
        accumulate(block, buffered, packed);
        double[][] cov = new double[r][r];
        double denominator = Math.max(1, n - 1);
        double trace = 0;
        int k = 0;
        for (int i = 0; i < r; i++) {
            double mi = sum[i] / n;
            for (int j = i; j < r; j++) {
                double c = (packed[k++] - n * mi * (sum[j] / n)) / denominator;
                cov[i][j] = c;
                cov[j][i] = c;
            }
            cov[i][i] = Math.max(0, cov[i][i]);
            trace += cov[i][i];
        }
        double[][] reducedComponents = new double[2][r];
        double[] variance = new double[2];
        topTwo(cov, reducedComponents, variance);
        double[] mean = new double[d];
        for (int f = 0; f < d; f++) {
            mean[f] = featureSum[f] / n;
        }
        double[][] components = new double[2][d];
        for (int c = 0; c < 2; c++) {
            for (int f = 0; f < d; f++) {
                int group = f / g;
                int size = Math.min(d, (group + 1) * g) - group * g;
                components[c][f] = reducedComponents[c][group] / size;
            }
        }
        return new Pca(d, n, g, mean, components, variance, trace);
    }

    /** Adds {@code Σ_b z_b z_bᵀ} over the first {@code count} buffered rows to the packed upper triangle. */
    private static void accumulate(double[][] block, int count, double[] packed) {
        if (count == 0) {
            return;
        }
        int r = block.length;
        int k = 0;
        for (int i = 0; i < r; i++) {
            double[] zi = block[i];
            for (int j = i; j < r; j++) {
                double[] zj = block[j];
                // four partial sums: independent chains the CPU can overlap
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int b = 0;
                for (; b + 3 < count; b += 4) {
                    s0 += zi[b] * zj[b];
                    s1 += zi[b + 1] * zj[b + 1];
                    s2 += zi[b + 2] * zj[b + 2];
                    s3 += zi[b + 3] * zj[b + 3];
                }
                for (; b < count; b++) {
                    s0 += zi[b] * zj[b];
                }
                packed[k++] += (s0 + s1) + (s2 + s3);
            }
        }
    }

    /** Group means of a row into {@code out} ({@code g = 1}: a copy in double). */
    private static double[] reduce(float[] row, int g, int r, double[] out) {
        if (g == 1) {
            for (int i = 0; i < r; i++) {
                out[i] = row[i];
            }
            return out;
        }
        for (int i = 0; i < r; i++) {
            int from = i * g;
            int to = Math.min(row.length, from + g);
            double s = 0;
            for (int f = from; f < to; f++) {
                s += row[f];
            }
            out[i] = s / (to - from);
        }
        return out;
    }

    /** The two leading eigenpairs of the symmetric matrix {@code cov} (the second zero when it is 1×1). */
    static void topTwo(double[][] cov, double[][] vectorsOut, double[] valuesOut) {
        int r = cov.length;
        if (r <= JACOBI_LIMIT) {
            SymmetricEigen eigen = SymmetricEigen.decompose(cov);
            for (int c = 0; c < Math.min(2, r); c++) {
                vectorsOut[c] = eigen.vector(c);
                valuesOut[c] = Math.max(0, eigen.value(c));
            }
            return;
        }
        orthogonalIteration(cov, vectorsOut, valuesOut);
    }

    /** Block power iteration with Rayleigh–Ritz, see the class comment. */
    static void orthogonalIteration(double[][] cov, double[][] vectorsOut, double[] valuesOut) {
        int r = cov.length;
        int m = Math.min(BLOCK, r);
        SplittableRandom random = new SplittableRandom(SEED);
        double[][] q = new double[m][r];
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < r; i++) {
                q[c][i] = random.nextDouble() - 0.5;
            }
        }
        orthonormalise(q, random);
        double[][] z = new double[m][r];
        double[][] ritz = new double[m][r];
        double[][] image = new double[m][r];
        double[] theta = new double[m];
        for (int iteration = 0; ; iteration++) {
            multiply(cov, q, z);
            double[][] h = new double[m][m];
            for (int a = 0; a < m; a++) {
                for (int b = a; b < m; b++) {
                    double s = 0.5 * (dot(q[a], z[b]) + dot(q[b], z[a]));
                    h[a][b] = s;
                    h[b][a] = s;
                }
            }
            SymmetricEigen small = SymmetricEigen.decompose(h);
            for (int c = 0; c < m; c++) {
                double[] u = small.vector(c);
                theta[c] = small.value(c);
                Arrays.fill(ritz[c], 0);
                Arrays.fill(image[c], 0);
                for (int a = 0; a < m; a++) {
                    axpy(u[a], q[a], ritz[c]);
                    axpy(u[a], z[a], image[c]);
                }
            }
            double scale = Math.max(Math.abs(theta[0]), Double.MIN_NORMAL);
            boolean converged = true;
            for (int c = 0; c < Math.min(2, m); c++) {
                double residual = 0;
                for (int i = 0; i < r; i++) {
                    double e = image[c][i] - theta[c] * ritz[c][i];
                    residual += e * e;
                }
                converged &= Math.sqrt(residual) <= TOLERANCE * scale;
            }
            if (converged || iteration + 1 >= MAX_ITERATIONS) {
                for (int c = 0; c < 2; c++) {
                    if (c < m) {
                        vectorsOut[c] = ritz[c].clone();
                        SymmetricEigen.fixSign(vectorsOut[c]);
                        valuesOut[c] = Math.max(0, theta[c]);
                    }
                }
                return;
            }
            for (int c = 0; c < m; c++) {
                System.arraycopy(image[c], 0, q[c], 0, r);
            }
            orthonormalise(q, random);
        }
    }

    /** Modified Gram–Schmidt; a column that vanishes is replaced by a fresh random one. */
    private static void orthonormalise(double[][] q, SplittableRandom random) {
        for (int c = 0; c < q.length; c++) {
            for (int attempt = 0; ; attempt++) {
                double before = Math.sqrt(dot(q[c], q[c]));
                for (int p = 0; p < c; p++) {
                    axpy(-dot(q[p], q[c]), q[p], q[c]);
                }
                double norm = Math.sqrt(dot(q[c], q[c]));
                if (norm > 1e-10 * before && norm > 0) {
                    for (int i = 0; i < q[c].length; i++) {
                        q[c][i] /= norm;
                    }
                    break;
                }
                if (attempt > 10) {
                    throw new IllegalStateException("cannot build an orthonormal basis of " + q.length + " vectors");
                }
                for (int i = 0; i < q[c].length; i++) {
                    q[c][i] = random.nextDouble() - 0.5;
                }
            }
        }
    }

    /** {@code out[c] = a · x[c]} for every vector {@code c}, a row of {@code a} at a time (it stays in cache). */
    private static void multiply(double[][] a, double[][] x, double[][] out) {
        for (int i = 0; i < a.length; i++) {
            double[] row = a[i];
            for (int c = 0; c < x.length; c++) {
                out[c][i] = dot(row, x[c]);
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    /** Features per row the PCA was fitted to. */
    public int inputLength() {
        return inputLength;
    }

    /** Rows it was fitted to. */
    public long rowCount() {
        return rowCount;
    }

    /** Features averaged together before the analysis: 1 when exact (see the class comment). */
    public int groupSize() {
        return groupSize;
    }

    /** Per-feature mean of the rows (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /**
     * Weights of component {@code k} (0 or 1) on the original features (a copy): unit length when
     * {@link #groupSize()} is 1.
     */
    public double[] component(int k) {
        return components[k].clone();
    }

    /** Variance of the rows along each of the two components. */
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    /** Fraction of the total variance along each component (0 when the rows do not vary). */
    public double[] explainedVarianceRatio() {
        double[] ratio = new double[2];
        for (int c = 0; c < 2; c++) {
            ratio[c] = totalVariance > 0 ? explainedVariance[c] / totalVariance : 0;
        }
        return ratio;
    }

    /**
     * The two coordinates of a row: its centred features dotted with each component.
     *
     * @throws IllegalArgumentException when the row's length differs from the fitted rows'
     */
    public float[] project(float[] row) {
        if (row.length != inputLength) {
            throw new IllegalArgumentException(
                    "a row of " + row.length + " features; the PCA was fitted to " + inputLength);
        }
        float[] out = new float[2];
        for (int c = 0; c < 2; c++) {
            double[] w = components[c];
            double s = 0;
            for (int f = 0; f < inputLength; f++) {
                s += w[f] * (row[f] - mean[f]);
            }
            out[c] = (float) s;
        }
        return out;
    }

    /** The explorer points of these rows, in order. */
    public List<ExplorerPoint> points(Iterable<FeatureRow> rows) {
        List<ExplorerPoint> points = new ArrayList<>();
        for (FeatureRow row : rows) {
            float[] p = project(Objects.requireNonNull(row, "row").features());
            points.add(
                    new ExplorerPoint(row.sampleId(), row.windowIndex(), row.windowStartMs(), row.label(), p[0], p[1]));
        }
        return points;
    }
}
