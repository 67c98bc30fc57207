package dev.edgeforge.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void decomposesATwoByTwoByHand() {
        // [[2, 1], [1, 2]]: eigenvalues 3 and 1, eigenvectors (1, 1)/√2 and (1, −1)/√2
        SymmetricEigen e = SymmetricEigen.decompose(new double[][] {{2, 1}, {1, 2}});
        double r = Math.sqrt(0.5);
        assertThat(e.values()).containsExactly(new double[] {3, 1}, within(1e-15));
        assertThat(e.vector(0)).containsExactly(new double[] {r, r}, within(1e-15));
        // a tie in magnitude: the first entry is made positive
        assertThat(e.vector(1)).containsExactly(new double[] {r, -r}, within(1e-15));
    }

    @Test
    void satisfiesTheEigenEquationOnRandomMatrices() {
        SplittableRandom random = new SplittableRandom(1);
        for (int n : new int[] {1, 3, 10, 40}) {
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    a[i][j] = random.nextGaussian();
                    a[j][i] = a[i][j];
                }
            }
            SymmetricEigen e = SymmetricEigen.decompose(a);
            for (int k = 0; k < n; k++) {
                double[] v = e.vector(k);
                for (int i = 0; i < n; i++) {
                    double av = 0;
                    for (int j = 0; j < n; j++) {
                        av += a[i][j] * v[j];
                    }
                    assertThat(av).isCloseTo(e.value(k) * v[i], within(1e-10));
                }
                for (int l = 0; l <= k; l++) {
                    double dot = 0;
                    double[] w = e.vector(l);
                    for (int i = 0; i < n; i++) {
                        dot += v[i] * w[i];
                    }
                    assertThat(dot).isCloseTo(k == l ? 1 : 0, within(1e-12));
                }
                if (k > 0) {
                    assertThat(e.value(k)).isLessThanOrEqualTo(e.value(k - 1));
                }
            }
            double trace = 0;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                trace += a[i][i];
                sum += e.value(i);
            }
            assertThat(sum).isCloseTo(trace, within(1e-10));
        }
    }

    @Test
    void refusesMatricesThatAreNotSymmetric() {
        assertThatThrownBy(() -> SymmetricEigen.decompose(new double[][] {{1, 2}, {3, 4}}))
                .hasMessageContaining("not symmetric at (1, 0)");
        assertThatThrownBy(() -> SymmetricEigen.decompose(new double[][] {{1, 2}}))
                .hasMessageContaining("row 0 has 2 entries");
    }
}
