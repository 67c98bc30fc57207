package dev.edgeforge.core.learning.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.core.learning.KMeansSettings;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KMeansTest {

    @Test
    void findsTheCentresOfSeparatedBlobs() {
        float[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        float[][] data = blobs(centres, 100, 0.5, new Random(1));

        KMeansModel model = KMeans.fit(data, new KMeansSettings(3, 100, false), 7);

        assertThat(model.centroids()).hasNumberOfRows(3);
        for (float[] centre : centres) {
            // exactly one centroid lies near each true centre
            assertThat(Arrays.stream(model.centroids())
                            .filter(c -> Math.hypot(c[0] - centre[0], c[1] - centre[1]) < 0.2))
                    .hasSize(1);
        }
        assertThat(model.clusterSizes()).containsOnly(100);
        assertThat(model.iterations()).isLessThan(100);
    }

    @Test
    void scoreIsTheDistanceToTheNearestCentroid() {
        KMeansModel model = new KMeansModel(
                new float[] {0, 0}, new float[] {1, 1}, new float[][] {{0, 0}, {10, 0}}, new int[] {1, 1}, 1);

        assertThat(model.score(new float[] {3, 4})).isEqualTo(5.0);
        assertThat(model.score(new float[] {10, 1})).isEqualTo(1.0);
        assertThat(model.nearestCluster(new float[] {7, 0})).isEqualTo(1);
        AnomalyDetector detector = new AnomalyDetector(model, 2);
        assertThat(detector.isAnomaly(new float[] {10, 1})).isFalse();
        assertThat(detector.isAnomaly(new float[] {5, 0})).isTrue();
    }

    @Test
    void standardizesEachFeatureFromTheTrainingData() {
        // feature 0: 1 and 3 -> mean 2, std 1; feature 1 constant 10 -> mean 10, left unscaled
        KMeansModel model = KMeans.fit(new float[][] {{1, 10}, {3, 10}}, new KMeansSettings(1, 10, true), 1);

        assertThat(model.mean()).containsExactly(2, 10);
        assertThat(model.scale()).containsExactly(1, 1);
        assertThat(model.centroids()[0]).containsExactly(new float[] {0, 0}, within(1e-6f));
        // a feature 100x larger in raw units scores the same once standardized
        KMeansModel wide = KMeans.fit(new float[][] {{100, 10}, {300, 10}}, new KMeansSettings(1, 10, true), 1);
        assertThat(wide.score(new float[] {500, 10})).isCloseTo(model.score(new float[] {5, 10}), within(1e-6));
        assertThat(model.score(new float[] {5, 10})).isCloseTo(3.0, within(1e-6));
    }

    @Test
    void sameSeedGivesTheSameModel() {
        float[][] data = blobs(new float[][] {{0, 0}, {3, 3}, {6, 0}, {0, 6}}, 50, 1.5, new Random(2));
        KMeansSettings settings = new KMeansSettings(5, 50, true);

        assertThat(KMeans.fit(data, settings, 11)).isEqualTo(KMeans.fit(data, settings, 11));
    }

    @Test
    void modelSurvivesAJsonRoundTrip() {
        KMeansModel model = KMeans.fit(
                blobs(new float[][] {{0, 0}, {4, 4}}, 20, 1, new Random(6)), new KMeansSettings(2, 20, true), 1);
        tools.jackson.databind.json.JsonMapper json =
                tools.jackson.databind.json.JsonMapper.builder().build();

        assertThat(json.readValue(json.writeValueAsString(model), KMeansModel.class))
                .isEqualTo(model);
    }

    @Test
    void fewerDistinctPointsThanClustersGiveFewerClusters() {
        float[][] data = {{1, 1}, {1, 1}, {2, 2}, {2, 2}, {1, 1}, {2, 2}};

        KMeansModel model = KMeans.fit(data, new KMeansSettings(4, 10, false), 3);

        assertThat(model.centroids()).hasNumberOfRows(2);
        assertThat(model.clusterSizes()).containsExactlyInAnyOrder(3, 3);
    }

    @Test
    void rejectsTooFewOrBadSamples() {
        assertThatThrownBy(() -> KMeans.fit(new float[][] {{1}, {2}}, new KMeansSettings(3, 10, true), 1))
                .hasMessage("K-means with 3 clusters needs at least 3 samples, got 2; add samples or lower the "
                        + "cluster count");
        assertThatThrownBy(() -> KMeans.fit(new float[][] {{1}, {Float.NaN}}, new KMeansSettings(1, 10, true), 1))
                .hasMessage("sample 1 has a non-finite feature value (NaN at index 0)");
    }

    @Test
    void quantileOfTrainingScoresSuggestsAThreshold() {
        KMeansModel model = new KMeansModel(new float[] {0}, new float[] {1}, new float[][] {{0}}, new int[] {5}, 1);
        float[][] samples = {{1}, {-2}, {3}, {4}, {-5}}; // scores 1 2 3 4 5

        assertThat(model.scoreQuantile(samples, 0.5)).isEqualTo(3.0);
        assertThat(model.scoreQuantile(samples, 0.9)).isCloseTo(4.6, within(1e-9));
    }

    @Test
    void evaluationReportsAucAndConfusionAtTheThreshold() {
        Random rng = new Random(4);
        float[][] normal = blobs(new float[][] {{0, 0}, {5, 5}}, 100, 0.5, rng);
        KMeansModel model = KMeans.fit(normal, new KMeansSettings(2, 100, false), 5);
        float[][] test = new float[12][];
        boolean[] labels = new boolean[12];
        for (int i = 0; i < 10; i++) {
            test[i] = normal[i * 20];
        }
        test[10] = new float[] {20, -20};
        test[11] = new float[] {-15, 15};
        labels[10] = true;
        labels[11] = true;

        AnomalyEvaluation evaluation =
                AnomalyEvaluation.of(new AnomalyDetector(model, 3), test, labels, new String[test.length]);

        assertThat(evaluation.auc()).isEqualTo(1.0);
        assertThat(evaluation.anomalies()).isEqualTo(2);
        assertThat(evaluation.confusion().truePositives()).isEqualTo(2);
        assertThat(evaluation.confusion().falsePositives()).isZero();
        assertThat(evaluation.confusion().trueNegatives()).isEqualTo(10);
        assertThat(AnomalyEvaluation.of(
                                new AnomalyDetector(model, 3),
                                normal,
                                new boolean[normal.length],
                                new String[normal.length])
                        .auc())
                .isNull();
    }

    private static float[][] blobs(float[][] centres, int perCentre, double spread, Random rng) {
        float[][] data = new float[centres.length * perCentre][];
        for (int i = 0; i < data.length; i++) {
            float[] centre = centres[i % centres.length];
            data[i] = new float[centre.length];
            for (int j = 0; j < centre.length; j++) {
                data[i][j] = centre[j] + (float) (rng.nextGaussian() * spread);
            }
        }
        return data;
    }
}
