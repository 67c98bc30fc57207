package dev.edgeforge.core.learning.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
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
        {0.3f, 0.5f, 0.2f}, // wave, right, but uncertain below a 0.6 threshold
        {0.0f, 0.1f, 0.9f} // circle, right
    };

    @Test
    void headlineIsTopOneAndTheUncertainRateStandsBesideIt() {
        ClassificationReport report = ClassificationReport.of(ACTUAL, PROBABILITIES, CLASSES, 0.6);

        assertThat(report.samples()).isEqualTo(6);
        assertThat(report.correct()).isEqualTo(5);
        assertThat(report.accuracy()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(report.uncertain()).isEqualTo(1);
        assertThat(report.uncertainRate()).isCloseTo(1.0 / 6, within(1e-12));
        // the five confident windows: four right
        assertThat(report.confidentAccuracy()).isCloseTo(4.0 / 5, within(1e-12));
        assertThat(report.confusionMatrix()).isDeepEqualTo(new int[][] {
            {2, 1, 0},
            {0, 2, 0},
            {0, 0, 1}
        });
        assertThat(report.uncertainByClass()).containsExactly(0, 1, 0);
        // idle: P = 2/2, R = 2/3, F1 = 0.8; wave: P = 2/3, R = 2/2, F1 = 0.8; circle: 1, 1, 1
        assertThat(report.perClass())
                .extracting(ClassMetrics::name, ClassMetrics::support)
                .containsExactly(Tuple.tuple("idle", 3), Tuple.tuple("wave", 2), Tuple.tuple("circle", 1));
        ClassMetrics idle = report.perClass().get(0);
        assertThat(idle.precision()).isEqualTo(1.0);
        assertThat(idle.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(idle.f1()).isCloseTo(0.8, within(1e-12));
        ClassMetrics wave = report.perClass().get(1);
        assertThat(wave.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(wave.recall()).isEqualTo(1.0);
        assertThat(wave.f1()).isCloseTo(0.8, within(1e-12));
        assertThat(report.macroF1()).isCloseTo((0.8 + 0.8 + 1) / 3, within(1e-12));
        assertThat(report.weightedF1()).isCloseTo((3 * 0.8 + 2 * 0.8 + 1) / 6, within(1e-12));
        assertThat(report.sampleVote()).isNull();
    }

    @Test
    void theThresholdChangesNoTopOneFigure() {
        ClassificationReport none = ClassificationReport.of(ACTUAL, PROBABILITIES, CLASSES, 0);
        ClassificationReport strict = ClassificationReport.of(ACTUAL, PROBABILITIES, CLASSES, 0.95);

        assertThat(none.uncertain()).isZero();
        assertThat(none.confidentAccuracy()).isEqualTo(none.accuracy());
        assertThat(strict.uncertain()).isEqualTo(6);
        assertThat(strict.confidentAccuracy()).isNull();
        assertThat(strict.accuracy()).isEqualTo(none.accuracy());
        assertThat(strict.confusionMatrix()).isDeepEqualTo(none.confusionMatrix());
        assertThat(strict.macroF1()).isEqualTo(none.macroF1());
    }

    /**
     * Issue #12, gestures from a watch: every test window's top score was under the 0.6 threshold and the model page
     * said "test accuracy 0.0000" while top-1 was 0.32.
     */
    @Test
    void gesturesFromAWatchAllUnderTheThresholdReportTopOneNotZero() {
        int windows = 25;
        int[] actual = new int[windows];
        float[][] scores = new float[windows][];
        for (int i = 0; i < windows; i++) {
            actual[i] = i % 6;
            int top = i < 8 ? actual[i] : (actual[i] + 1) % 6; // 8 of 25 right
            scores[i] = new float[6];
            Arrays.fill(scores[i], 0.1f);
            scores[i][top] = 0.5f; // under the 0.6 threshold
        }
        List<String> gestures = List.of("g1", "g2", "g3", "g4", "g5", "g6");

        ClassificationReport report = ClassificationReport.of(actual, scores, gestures, 0.6);

        assertThat(report.accuracy()).isCloseTo(0.32, within(1e-12));
        assertThat(report.uncertainRate()).isEqualTo(1.0);
        assertThat(report.confidentAccuracy()).isNull();
    }

    /** Issue #12, spoken digits: "92.0 % as reported, 95.7 % top-1" — right answers under the threshold. */
    @Test
    void spokenDigitsRightButUncertainAnswersStayRight() {
        int windows = 1000;
        int[] actual = new int[windows];
        float[][] scores = new float[windows][];
        for (int i = 0; i < windows; i++) {
            actual[i] = i % 10;
            boolean right = i < 957;
            boolean confident = i < 920 || i >= 957;
            scores[i] = new float[10];
            Arrays.fill(scores[i], 0.01f);
            scores[i][right ? actual[i] : (actual[i] + 3) % 10] = confident ? 0.9f : 0.4f;
        }
        List<String> digits = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

        ClassificationReport report = ClassificationReport.of(actual, scores, digits, 0.6);

        assertThat(report.accuracy()).isCloseTo(0.957, within(1e-12));
        assertThat(report.uncertain()).isEqualTo(37);
        assertThat(report.confidentAccuracy()).isCloseTo(920.0 / 963, within(1e-12));
    }

    @Test
    void perSampleAccuracyIsAMajorityVoteOverEachSamplesWindows() {
        int[] actual = {0, 0, 0, 1, 1, 1, 1, 2, 2};
        String[] samples = {"a", "a", "a", "b", "b", "b", "b", "c", "c"};
        float[][] scores = {
            {0.9f, 0.1f, 0f},
            {0.2f, 0.8f, 0f},
            {0.6f, 0.4f, 0f}, // a: idle 2 votes, wave 1 -> idle, right
            {0.7f, 0.3f, 0f},
            {0.6f, 0.4f, 0f},
            {0.1f, 0.9f, 0f},
            {0.2f, 0.8f, 0f}, // b: 2 - 2, wave's scores win
            {0.5f, 0.1f, 0.4f},
            {0.1f, 0.3f, 0.6f} // c: one vote each for idle and circle: circle's 1.0 beats 0.6
        };

        ClassificationReport report = ClassificationReport.of(actual, scores, samples, CLASSES, 0.6);

        assertThat(report.accuracy()).isCloseTo(5.0 / 9, within(1e-12));
        assertThat(report.sampleVote().samples()).isEqualTo(3);
        assertThat(report.sampleVote().correct()).isEqualTo(3);
        assertThat(report.sampleVote().accuracy()).isEqualTo(1.0);
    }

    @Test
    void aSampleWithSeveralLabelsVotesOncePerLabel() {
        int[] actual = {0, 0, 1};
        String[] samples = {"a", "a", "a"};
        float[][] scores = {{0.9f, 0.1f, 0f}, {0.9f, 0.1f, 0f}, {0.9f, 0.1f, 0f}};

        ClassificationReport report = ClassificationReport.of(actual, scores, samples, CLASSES, 0);

        assertThat(report.sampleVote().samples()).isEqualTo(2);
        assertThat(report.sampleVote().correct()).isEqualTo(1);
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
        assertThat(Prediction.top1(new float[] {0.2f, 0.49f, 0.31f})).isEqualTo(1);
        assertThat(Prediction.classify(new float[] {0.5f, 0.5f}, 0)).isZero();
        assertThat(Prediction.top1(new float[] {9, 0.1f, 0.8f, 0.1f}, 1, 3)).isEqualTo(1);
        assertThat(Prediction.top1(new byte[] {-128, 5, 5, -3})).isEqualTo(1);
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
        assertThatThrownBy(() -> ClassificationReport.of(
                        new int[] {0}, new float[][] {{1, 0, 0}}, new String[] {"a", "b"}, CLASSES, 0))
                .hasMessage("1 labels but 2 sample ids");
    }
}
