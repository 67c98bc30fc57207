package dev.edgeforge.firmware.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.core.device.UnsupportedModelException;
import dev.edgeforge.core.learning.anomaly.GaussianMixtureModel;
import dev.edgeforge.core.learning.anomaly.KMeansModel;
import org.junit.jupiter.api.Test;

class AnomalyLibraryGeneratorTest {

    @Test
    void floatLiteralsAreExactHexadecimal() {
        for (float value : new float[] {0f, -0f, 1f, 0.1f, -3.5e-30f, Float.MIN_VALUE, Float.MAX_VALUE, 1234.5678f}) {
            String literal = AnomalyLibraryGenerator.literal(value);
            assertThat(literal).endsWith("f");
            assertThat(Float.parseFloat(literal.substring(0, literal.length() - 1)))
                    .isEqualTo(value);
        }
        assertThat(AnomalyLibraryGenerator.literal(Float.NEGATIVE_INFINITY)).isEqualTo("-INFINITY");
        assertThatThrownBy(() -> AnomalyLibraryGenerator.literal(Float.NaN))
                .isInstanceOf(UnsupportedModelException.class);
    }

    @Test
    void kmeansTablesAreTheCentroidsRowByRow() {
        KMeansModel model = new KMeansModel(
                new float[] {1, 2}, new float[] {0.5f, 2}, new float[][] {{0, 1}, {4, 5}}, new int[] {3, 4}, 2);

        AnomalyLibraryGenerator.Tables tables = AnomalyLibraryGenerator.tables(model);

        assertThat(tables.kind()).isEqualTo("EF_ANOMALY_KMEANS");
        assertThat(tables.components()).isEqualTo(2);
        assertThat(tables.centres()).containsExactly(0, 1, 4, 5);
        assertThat(tables.invVar()).isNull();
    }

    @Test
    void gmmLogNormalizersMakeTheServersLogDensity() {
        GaussianMixtureModel model = new GaussianMixtureModel(
                new float[] {0, 0},
                new float[] {1, 1},
                new double[] {0.25, 0.75, 0},
                new double[][] {{0, 0}, {3, -1}, {9, 9}},
                new double[][] {{1, 2}, {0.5, 4}, {1, 1}},
                5);

        AnomalyLibraryGenerator.Tables tables = AnomalyLibraryGenerator.tables(model);

        assertThat(tables.kind()).isEqualTo("EF_ANOMALY_GMM");
        assertThat(tables.invVar()).containsExactly(1f, 0.5f, 2f, 0.25f, 1f, 1f);
        // at a component's mean its log term is the normalizer alone: one component's score is -logNorm
        double expected = Math.log(0.25) - 0.5 * (2 * Math.log(2 * Math.PI) + Math.log(1) + Math.log(2));
        assertThat((double) tables.logNorm()[0]).isCloseTo(expected, within(1e-6));
        // a component without weight never contributes, as on the server
        assertThat(tables.logNorm()[2]).isEqualTo(Float.NEGATIVE_INFINITY);
    }
}
