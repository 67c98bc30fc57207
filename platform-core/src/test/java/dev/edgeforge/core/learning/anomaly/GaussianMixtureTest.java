package dev.edgeforge.core.learning.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.core.learning.GmmSettings;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class GaussianMixtureTest {

    @Test
    void findsTwoComponentsWithTheirWeightsMeansAndVariances() {
        Random rng = new Random(3);
        float[][] data = new float[900][];
        for (int i = 0; i < data.length; i++) {
            // a third around (0, 0) with sd 1, two thirds around (10, 10) with sd (2, 0.5)
            data[i] = i % 3 == 0
                    ? new float[] {(float) rng.nextGaussian(), (float) rng.nextGaussian()}
                    : new float[] {(float) (10 + 2 * rng.nextGaussian()), (float) (10 + 0.5 * rng.nextGaussian())};
        }

        GaussianMixtureModel model = GaussianMixture.fit(data, new GmmSettings(2, 200, false), 11);

        int big = model.weights()[0] > model.weights()[1] ? 0 : 1;
        assertThat(model.weights()[big]).isCloseTo(2.0 / 3, within(0.01));
        assertThat(model.means()[big][0]).isCloseTo(10, within(0.2));
        assertThat(model.variances()[big][0]).isCloseTo(4, within(0.6));
        assertThat(model.variances()[big][1]).isCloseTo(0.25, within(0.05));
        assertThat(model.means()[1 - big][0]).isCloseTo(0, within(0.2));
        // the score is the negative log-likelihood: far from both components it is high
        assertThat(model.score(new float[] {5, -5})).isGreaterThan(model.score(new float[] {10, 10}) + 10);
        assertThat(model.score(new float[] {0, 0})).isCloseTo(-Math.log(1.0 / 3 / (2 * Math.PI)), within(0.2));
    }

    @Test
    void isDeterministicForASeedAndReadsBackFromJsonAsAnAnomalyModel() throws Exception {
        Random rng = new Random(5);
        float[][] data = new float[200][];
        for (int i = 0; i < data.length; i++) {
            data[i] = new float[] {(float) rng.nextGaussian(), (float) rng.nextGaussian() * 3, 7f};
        }
        GaussianMixtureModel first = GaussianMixture.fit(data, GmmSettings.defaults(), 9);
        assertThat(GaussianMixture.fit(data, GmmSettings.defaults(), 9)).isEqualTo(first);

        JsonMapper json = JsonMapper.builder().build();
        String text = json.writeValueAsString((AnomalyModel) first);
        assertThat(text).contains("\"type\":\"gmm\"");
        assertThat(json.readValue(text, AnomalyModel.class)).isEqualTo(first);
        // a constant feature gets the variance floor, not a zero variance
        for (double[] variances : first.variances()) {
            assertThat(variances[2]).isEqualTo(GaussianMixture.VARIANCE_FLOOR);
        }
        // K-means files written before the type existed still read as K-means
        KMeansModel kmeans = new KMeansModel(new float[] {0}, new float[] {1}, new float[][] {{0}}, new int[] {1}, 1);
        String old = "{\"mean\":[0.0],\"scale\":[1.0],\"centroids\":[[0.0]],\"clusterSizes\":[1],\"iterations\":1}";
        assertThat(json.readValue(old, AnomalyModel.class)).isEqualTo(kmeans);
    }

    @Test
    void refusesBadSettingsAndTooFewSamples() {
        float[][] two = {{1}, {2}};
        assertThatThrownBy(() -> GaussianMixture.fit(two, new GmmSettings(3, 10, true), 1))
                .hasMessageContaining("needs at least 3 samples");
        assertThatThrownBy(() -> GaussianMixture.fit(two, new GmmSettings(0, 10, true), 1))
                .hasMessageContaining("gmm.componentCount");
    }
}
