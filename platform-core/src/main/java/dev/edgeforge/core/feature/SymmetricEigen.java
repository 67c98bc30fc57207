package dev.edgeforge.core.feature;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method: sweep over every off-diagonal pair
 * {@code (p, q)} and apply the plane rotation that zeroes {@code a[p][q]}, accumulating the rotations into the
 * eigenvector matrix, until the off-diagonal mass is negligible ({@code ≤ 1e-30} of the squared Frobenius norm, or
 * zero). Each sweep costs {@code O(n³)}; symmetric matrices converge quadratically, in under ten sweeps for the
 * sizes used here. Jacobi is slower than tridiagonalisation + QR for big matrices but simple, unconditionally stable
 * and accurate even for tiny eigenvalues, which is what the feature explorer's small matrices need.
 *
 * <p>Results are deterministic: eigenvalues in decreasing order, each eigenvector of unit length with its entry of
 * largest magnitude positive (the first such entry on a tie).
 */
public final class SymmetricEigen {

    private static final int MAX_SWEEPS = 100;

    private final double[] values;
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes {@code a} (not modified).
     *
     * @throws IllegalArgumentException when {@code a} is not square, not symmetric (beyond round-off) or not finite
     */
    public static SymmetricEigen decompose(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + a[i].length + " entries; the matrix is " + n + "×" + n);
            }
            m[i] = a[i].clone();
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException("entry (" + i + ", " + j + ") is " + a[i][j]);
                }
                norm += a[i][j] * a[i][j];
            }
        }
        double tolerance = 1e-12 * Math.sqrt(norm);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(m[i][j] - m[j][i]) > tolerance) {
                    throw new IllegalArgumentException(
                            "the matrix is not symmetric at (" + i + ", " + j + "): " + m[i][j] + " vs " + m[j][i]);
                }
                double mean = 0.5 * (m[i][j] + m[j][i]);
                m[i][j] = mean;
                m[j][i] = mean;
            }
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += m[p][q] * m[p][q];
                }
            }
            if (off == 0 || off <= 1e-30 * norm) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(m, v, p, q);
                }
            }
        }
        double[] diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            diagonal[i] = m[i][i];
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(
                order, Comparator.comparingDouble((Integer i) -> -diagonal[i]).thenComparingInt(i -> i));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = diagonal[order[k]];
            for (int i = 0; i < n; i++) {
                vectors[k][i] = v[i][order[k]];
            }
            fixSign(vectors[k]);
        }
        return new SymmetricEigen(values, vectors);
    }

    /** Zeroes {@code m[p][q]} with one Jacobi rotation (Rutishauser's formulation, stable for small angles). */
    private static void rotate(double[][] m, double[][] v, int p, int q) {
        double apq = m[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (m[q][q] - m[p][p]) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = m.length;
        for (int k = 0; k < n; k++) {
            if (k == p || k == q) {
                continue;
            }
            double akp = m[k][p];
            double akq = m[k][q];
            double kp = c * akp - s * akq;
            double kq = s * akp + c * akq;
            m[k][p] = kp;
            m[p][k] = kp;
            m[k][q] = kq;
            m[q][k] = kq;
        }
        m[p][p] -= t * apq;
        m[q][q] += t * apq;
        m[p][q] = 0;
        m[q][p] = 0;
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    /** Makes the entry of largest magnitude positive (the first one on a tie), so signs are reproducible. */
    static void fixSign(double[] vector) {
        int best = 0;
        for (int i = 1; i < vector.length; i++) {
            if (Math.abs(vector[i]) > Math.abs(vector[best]) * (1 + 1e-9)) {
                best = i;
            }
        }
        if (vector.length > 0 && vector[best] < 0) {
            for (int i = 0; i < vector.length; i++) {
                vector[i] = -vector[i];
            }
        }
    }

    /** Number of eigenvalues (the matrix size). */
    public int size() {
        return values.length;
    }

    /** Eigenvalues in decreasing order (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** Eigenvalue {@code k} (0 the largest). */
    public double value(int k) {
        return values[k];
    }

    /** Unit eigenvector of eigenvalue {@code k} (a copy). */
    public double[] vector(int k) {
        return vectors[k].clone();
    }
}
