package dev.edgeforge.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureImportanceTest {

    private static FeatureRow row(String label, float... features) {
        return new FeatureRow("s", 0, 0, label, features);
    }

    @Test
    void scoresFeaturesByHand() {
        // feature 0 separates perfectly with no spread, feature 1 carries nothing, feature 2:
        // a = {0, 2}, b = {4, 6}: μa = 1, μb = 5, μ = 3, B = 2·4 + 2·4 = 16, W = 2 + 2 = 4 → F = 4, η² = 0.8
        FeatureImportance importance = FeatureImportance.of(
                List.of(row("a", 0, 1, 0), row("a", 0, 3, 2), row("b", 10, 1, 4), row("b", 10, 3, 6)));
        assertThat(importance.fisherScores()).containsExactly(Double.POSITIVE_INFINITY, 0, 4);
        assertThat(importance.separability()).containsExactly(new double[] {1, 0, 0.8}, within(1e-12));
    }

    @Test
    void aSingleLabelOrConstantFeaturesScoreZero() {
        FeatureImportance importance = FeatureImportance.of(List.of(row("a", 1, 5), row("a", 2, 5)));
        assertThat(importance.fisherScores()).containsExactly(0, 0);
        assertThat(importance.separability()).containsExactly(0, 0);
    }

    @Test
    void unevenClassesAreWeightedByTheirSize() {
        // a = {0, 0, 0}, b = {3}: μ = 0.75, B = 3·0.5625 + 1·5.0625 = 6.75, W = 0
        // add spread: a = {−1, 0, 1}: W = 2 → F = 3.375
        FeatureImportance importance =
                FeatureImportance.of(List.of(row("a", -1), row("a", 0), row("a", 1), row("b", 3)));
        assertThat(importance.fisherScores()[0]).isCloseTo(6.75 / 2, within(1e-12));
        assertThat(importance.separability()[0]).isCloseTo(6.75 / 8.75, within(1e-12));
    }
}
