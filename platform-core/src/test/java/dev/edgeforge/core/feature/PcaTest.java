package dev.edgeforge.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void pointsAlongALineGiveThatLineAsTheFirstComponent() {
        // y = 2x + 1 for x = 0..9: direction (1, 2)/√5, all variance on it
        List<float[]> rows = new ArrayList<>();
        for (int x = 0; x < 10; x++) {
            rows.add(new float[] {x, 2 * x + 1});
        }
        Pca pca = Pca.fit(rows);

        double s5 = Math.sqrt(5);
        assertThat(pca.component(0)).containsExactly(new double[] {1 / s5, 2 / s5}, within(1e-12));
        assertThat(pca.mean()).containsExactly(new double[] {4.5, 10}, within(1e-12));
        // var(x) = 55/6 (n − 1 denominator); along the line the spread is √5 times x's
        assertThat(pca.explainedVariance()[0]).isCloseTo(5 * 55.0 / 6, within(1e-9));
        assertThat(pca.explainedVariance()[1]).isCloseTo(0, within(1e-9));
        assertThat(pca.explainedVarianceRatio()[0]).isCloseTo(1, within(1e-12));
        for (int x = 0; x < 10; x++) {
            float[] p = pca.project(rows.get(x));
            assertThat((double) p[0]).isCloseTo((x - 4.5) * s5, within(1e-5));
            assertThat((double) p[1]).isCloseTo(0, within(1e-5));
        }
    }

    /** The 8 corners of a 6×4×2 box: axis variances 9, 4, 1 times 8/7. */
    private static List<float[]> box(double[][] rotation, double[] offset) {
        List<float[]> rows = new ArrayList<>();
        for (int sx = -1; sx <= 1; sx += 2) {
            for (int sy = -1; sy <= 1; sy += 2) {
                for (int sz = -1; sz <= 1; sz += 2) {
                    double[] p = {3 * sx, 2 * sy, sz};
                    float[] row = new float[3];
                    for (int i = 0; i < 3; i++) {
                        row[i] = (float)
                                (rotation[i][0] * p[0] + rotation[i][1] * p[1] + rotation[i][2] * p[2] + offset[i]);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    @Test
    void theCornersOfABoxGiveItsLongAxes() {
        double[][] identity = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        Pca pca = Pca.fit(box(identity, new double[3]));
        assertThat(pca.component(0)).containsExactly(new double[] {1, 0, 0}, within(1e-12));
        assertThat(pca.component(1)).containsExactly(new double[] {0, 1, 0}, within(1e-12));
        assertThat(pca.explainedVariance()).containsExactly(new double[] {9 * 8 / 7.0, 4 * 8 / 7.0}, within(1e-9));
        assertThat(pca.explainedVarianceRatio()).containsExactly(new double[] {9 / 14.0, 4 / 14.0}, within(1e-12));
        assertThat(pca.project(new float[] {3, -2, 1})).containsExactly(3f, -2f);
    }

    @Test
    void aRotatedAndShiftedBoxGivesTheRotatedAxes() {
        // rotation by 30° about z, then 45° about x
        double c30 = Math.cos(Math.PI / 6);
        double s30 = Math.sin(Math.PI / 6);
        double c45 = Math.sqrt(0.5);
        double[][] rz = {{c30, -s30, 0}, {s30, c30, 0}, {0, 0, 1}};
        double[][] rx = {{1, 0, 0}, {0, c45, -c45}, {0, c45, c45}};
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    r[i][j] += rx[i][k] * rz[k][j];
                }
            }
        }
        // a large offset: the streaming covariance must not lose the small spread to cancellation
        // (float32 rows at 5000 are rounded to 5e-4, which bounds the agreement)
        double[] first = {r[0][0], r[1][0], r[2][0]};
        double[] second = positiveLargest(new double[] {r[0][1], r[1][1], r[2][1]});
        Pca centred = Pca.fit(box(r, new double[3]));
        assertThat(centred.component(0)).containsExactly(first, within(1e-7));
        assertThat(centred.component(1)).containsExactly(second, within(1e-7));
        Pca shifted = Pca.fit(box(r, new double[] {1000, -2000, 5000}));
        assertThat(shifted.component(0)).containsExactly(first, within(1e-4));
        assertThat(shifted.component(1)).containsExactly(second, within(1e-4));
        assertThat(shifted.explainedVariance()).containsExactly(new double[] {9 * 8 / 7.0, 4 * 8 / 7.0}, within(1e-3));
    }

    private static double[] positiveLargest(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[best])) {
                best = i;
            }
        }
        double sign = Math.signum(v[best]);
        return new double[] {sign * v[0], sign * v[1], sign * v[2]};
    }

    @Test
    void wellSeparatedClustersStaySeparatedIn2d() {
        SplittableRandom random = new SplittableRandom(7);
        int d = 30;
        double[][] centres = new double[3][d];
        for (double[] c : centres) {
            for (int i = 0; i < d; i++) {
                c[i] = random.nextGaussian() * 10;
            }
        }
        List<FeatureRow> rows = new ArrayList<>();
        for (int n = 0; n < 600; n++) {
            int k = n % 3;
            float[] x = new float[d];
            for (int i = 0; i < d; i++) {
                x[i] = (float) (centres[k][i] + random.nextGaussian());
            }
            rows.add(new FeatureRow("s" + n, 0, 0, "c" + k, x));
        }
        Pca pca = Pca.fit(rows.stream().map(FeatureRow::features).toList());
        List<ExplorerPoint> points = pca.points(rows);

        double[][] centroid = new double[3][2];
        for (ExplorerPoint p : points) {
            int k = p.label().charAt(1) - '0';
            centroid[k][0] += p.x() / 200.0;
            centroid[k][1] += p.y() / 200.0;
        }
        double worstSpread = 0;
        for (ExplorerPoint p : points) {
            int k = p.label().charAt(1) - '0';
            worstSpread = Math.max(worstSpread, Math.hypot(p.x() - centroid[k][0], p.y() - centroid[k][1]));
        }
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                double gap = Math.hypot(centroid[a][0] - centroid[b][0], centroid[a][1] - centroid[b][1]);
                assertThat(gap).as("clusters %d and %d", a, b).isGreaterThan(2.5 * worstSpread);
            }
        }
        assertThat(points.get(5).sampleId()).isEqualTo("s5");
        assertThat(pca.explainedVarianceRatio()[0] + pca.explainedVarianceRatio()[1])
                .isGreaterThan(0.9);
    }

    @Test
    void orthogonalIterationAgreesWithJacobi() {
        // a 100×100 covariance of data with a decaying spectrum (and two close leading eigenvalues)
        SplittableRandom random = new SplittableRandom(11);
        int d = 100;
        double[][] basis = randomOrthonormal(random, d);
        double[][] cov = new double[d][d];
        for (int k = 0; k < d; k++) {
            double lambda = k == 0 ? 50 : k == 1 ? 48 : 20.0 / (k + 1);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    cov[i][j] += lambda * basis[k][i] * basis[k][j];
                }
            }
        }
        double[][] iterated = new double[2][];
        double[] iteratedValues = new double[2];
        Pca.orthogonalIteration(cov, iterated, iteratedValues);
        SymmetricEigen exact = SymmetricEigen.decompose(cov);

        assertThat(iteratedValues).containsExactly(new double[] {50, 48}, within(1e-8));
        assertThat(exact.value(0)).isCloseTo(50, within(1e-9));
        assertThat(exact.value(1)).isCloseTo(48, within(1e-9));
        assertThat(iterated[0]).containsExactly(exact.vector(0), within(1e-7));
        assertThat(iterated[1]).containsExactly(exact.vector(1), within(1e-7));
    }

    private static double[][] randomOrthonormal(SplittableRandom random, int d) {
        double[][] q = new double[d][d];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < d; i++) {
                q[k][i] = random.nextGaussian();
            }
            for (int p = 0; p < k; p++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += q[p][i] * q[k][i];
                }
                for (int i = 0; i < d; i++) {
                    q[k][i] -= dot * q[p][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < d; i++) {
                norm += q[k][i] * q[k][i];
            }
            for (int i = 0; i < d; i++) {
                q[k][i] /= Math.sqrt(norm);
            }
        }
        return q;
    }

    @Test
    void wideRowsAreAveragedInGroupsExactlyAsDocumented() {
        // 12 features in groups of 3 (threshold 4): the PCA equals the PCA of the group means
        SplittableRandom random = new SplittableRandom(3);
        List<float[]> wide = new ArrayList<>();
        List<float[]> means = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            float[] x = new float[12];
            float[] m = new float[4];
            for (int g = 0; g < 4; g++) {
                double centre = random.nextGaussian() * (g + 1);
                for (int j = 0; j < 3; j++) {
                    x[g * 3 + j] = (float) (centre + random.nextGaussian() * 0.1);
                    m[g] += x[g * 3 + j];
                }
                m[g] = (float) (m[g] / 3.0);
            }
            wide.add(x);
            means.add(m);
        }
        Pca grouped = Pca.fit(wide, 4);
        Pca reference = Pca.fit(means);
        assertThat(grouped.groupSize()).isEqualTo(3);
        assertThat(grouped.inputLength()).isEqualTo(12);
        assertThat(grouped.explainedVariance()).containsExactly(reference.explainedVariance(), within(1e-5));
        for (int n = 0; n < 200; n += 17) {
            assertThat(grouped.project(wide.get(n))).containsExactly(reference.project(means.get(n)), within(1e-3f));
        }
        assertThat(Pca.fit(wide).groupSize()).isEqualTo(1);
    }

    @Test
    void isDeterministicAndHandlesDegenerateInput() {
        SplittableRandom random = new SplittableRandom(5);
        List<float[]> rows = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            float[] x = new float[80];
            for (int i = 0; i < 80; i++) {
                x[i] = (float) random.nextGaussian();
            }
            rows.add(x);
        }
        assertThat(Pca.fit(rows).component(1)).containsExactly(Pca.fit(rows).component(1));

        Pca constant = Pca.fit(List.of(new float[] {1, 2, 3}, new float[] {1, 2, 3}));
        assertThat(constant.project(new float[] {1, 2, 3})).containsExactly(0f, 0f);
        assertThat(constant.explainedVarianceRatio()).containsExactly(0, 0);

        Pca single = Pca.fit(List.of(new float[] {1}, new float[] {3}));
        assertThat(single.project(new float[] {4})).containsExactly(2f, 0f);

        assertThatThrownBy(() -> Pca.fit(List.of())).hasMessageContaining("at least one row");
        assertThatThrownBy(() -> Pca.fit(List.of(new float[2], new float[3])))
                .hasMessageContaining("row 1 has 3 features, row 0 has 2");
        assertThatThrownBy(() -> Pca.fit(List.of(new float[] {Float.NaN})))
                .hasMessageContaining("row 0 feature 0 is NaN");
        assertThatThrownBy(() -> constant.project(new float[2])).hasMessageContaining("fitted to 3");
    }

    @Test
    void fitsAHundredThousandRowsInOnePass() {
        // 100k rows of 39 features (a 3-axis spectral analysis block): an explorer-sized set
        SplittableRandom random = new SplittableRandom(9);
        int[] passes = new int[1];
        Iterable<float[]> rows = () -> {
            passes[0]++;
            return new Iterator<>() {
                int n;
                final float[] row = new float[39];

                @Override
                public boolean hasNext() {
                    return n < 100_000;
                }

                @Override
                public float[] next() {
                    n++;
                    double t = random.nextGaussian();
                    for (int i = 0; i < row.length; i++) {
                        row[i] = (float) (t * (i % 3 == 0 ? 3 : 0.5) + random.nextGaussian() * 0.1);
                    }
                    return row;
                }
            };
        };
        Pca pca = Pca.fit(rows);
        assertThat(passes[0]).isEqualTo(1);
        assertThat(pca.rowCount()).isEqualTo(100_000);
        assertThat(pca.explainedVarianceRatio()[0]).isGreaterThan(0.95);
    }
}
