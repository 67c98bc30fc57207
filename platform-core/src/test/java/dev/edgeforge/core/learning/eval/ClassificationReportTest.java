package dev.edgeforge.core.learning.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {

    private static final List<String> CLASSES = List.of("idle", "wave", "circle");
    private static final int[] ACTUAL = {0, 0, 0, 1, 1, 2};
    private static final float[][] PROBABILITIES = {
        {0.9f, 0.05f, 0.05f}, // idle, right
        {0.7f, 0.2f, 0.1f}, // idle, right
        {0.3f, 0.65f, 0.05f}, // wave, wrong
        {0.1f, 0.8f, 0.1f}, // wave, right
        {0.3f, 0.5f, 0.2f}, // wave at 0.5: uncertain below a 0.6 threshold
        {0.0f, 0.1f, 0.9f}
    }; // circle, right

    @Test
    void handComputedMetricsWithUncertainPredictions() {
        ClassificationReport report = ClassificationReport.of(ACTUAL, PROBABILITIES, CLASSES, 0.6);

        assertThat(report.samples()).isEqualTo(6);
        assertThat(report.uncertain()).isEqualTo(1);
        assertThat(report.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(report.confusionMatrix()).isDeepEqualTo(new int[][] {
            {2, 1, 0, 0},
            {0, 1, 0, 1},
            {0, 0, 1, 0}
        });
        // idle: P = 2/2, R = 2/3, F1 = 0.8; wave: P = 1/2, R = 1/2, F1 = 0.5; circle: 1, 1, 1
        assertThat(report.perClass())
                .extracting(ClassMetrics::name, ClassMetrics::support)
                .containsExactly(Tuple.tuple("idle", 3), Tuple.tuple("wave", 2), Tuple.tuple("circle", 1));
        ClassMetrics idle = report.perClass().get(0);
        assertThat(idle.precision()).isEqualTo(1.0);
        assertThat(idle.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(idle.f1()).isCloseTo(0.8, within(1e-12));
        ClassMetrics wave = report.perClass().get(1);
        assertThat(wave.precision()).isEqualTo(0.5);
        assertThat(wave.recall()).isEqualTo(0.5);
        assertThat(wave.f1()).isEqualTo(0.5);
        assertThat(report.perClass().get(2).f1()).isEqualTo(1.0);
        assertThat(report.macroF1()).isCloseTo((0.8 + 0.5 + 1) / 3, within(1e-12));
        assertThat(report.weightedF1()).isCloseTo((3 * 0.8 + 2 * 0.5 + 1) / 6, within(1e-12));
    }

    @Test
    void withoutThresholdEveryPredictionCounts() {
        ClassificationReport report = ClassificationReport.of(ACTUAL, PROBABILITIES, CLASSES, 0);

        assertThat(report.uncertain()).isZero();
        assertThat(report.accuracy()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(report.confusionMatrix()[1]).containsExactly(0, 2, 0, 0);
    }

    @Test
    void oneVsRestAucPerClass() {
        ClassificationReport report = ClassificationReport.of(ACTUAL, PROBABILITIES, CLASSES, 0);

        // idle scores: positives 0.9 0.7 0.3, negatives 0.1 0.3 0.0 -> wins 3 + 3 + (2 + tie) = 8.5 of 9
        assertThat(report.perClass().get(0).auc()).isCloseTo(8.5 / 9, within(1e-12));
        assertThat(report.perClass().get(2).auc()).isEqualTo(1.0);
    }

    @Test
    void predictionRuleIsArgmaxWithUncertainBelowTheThreshold() {
        assertThat(Prediction.classify(new float[] {0.2f, 0.5f, 0.3f}, 0.5)).isEqualTo(1);
        assertThat(Prediction.classify(new float[] {0.2f, 0.49f, 0.31f}, 0.5)).isEqualTo(Prediction.UNCERTAIN);
        assertThat(Prediction.classify(new float[] {0.5f, 0.5f}, 0)).isZero();
    }

    @Test
    void classNeverPredictedHasZeroPrecision() {
        ClassificationReport report =
                ClassificationReport.of(new int[] {0, 1}, new float[][] {{1, 0}, {1, 0}}, List.of("a", "b"), 0);

        assertThat(report.perClass().get(1).precision()).isZero();
        assertThat(report.perClass().get(1).f1()).isZero();
        assertThat(report.perClass().get(0).precision()).isEqualTo(0.5);
    }

    @Test
    void rejectsMismatchedInput() {
        assertThatThrownBy(() -> ClassificationReport.of(new int[] {3}, new float[][] {{1, 0, 0}}, CLASSES, 0))
                .hasMessage("sample 0 has class id 3 but there are 3 classes");
        assertThatThrownBy(() -> ClassificationReport.of(new int[] {0}, new float[][] {{1, 0, 0}}, CLASSES, 1.5))
                .hasMessage("the uncertain threshold must be between 0 and 1, got 1.5");
    }
}
