package dev.edgeforge.core.learning.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnomalyEvaluationTest {

    // windows of three samples: "a" normal (scores 1, 2), "b" normal (3), "c" anomalous (2.5, 4)
    private static final double[] SCORES = {1, 2, 3, 2.5, 4};
    private static final boolean[] ANOMALOUS = {false, false, false, true, true};
    private static final String[] SAMPLES = {"a", "a", "b", "c", "c"};

    @Test
    void countsAboveTheThresholdAsAnomaliesAndAMissedAnomalyAsWrong() {
        AnomalyEvaluation e = AnomalyEvaluation.of(SCORES, ANOMALOUS, SAMPLES, 2.5);

        AnomalyCounts c = e.confusion();
        assertThat(List.of(c.truePositives(), c.falsePositives(), c.trueNegatives(), c.falseNegatives()))
                .containsExactly(1, 1, 2, 1);
        assertThat(c.accuracy()).isEqualTo(3.0 / 5);
        assertThat(c.precision()).isEqualTo(0.5);
        assertThat(c.recall()).isEqualTo(0.5);
        assertThat(c.f1()).isEqualTo(0.5);
        assertThat(c.falsePositiveRate()).isEqualTo(1.0 / 3);
        // window AUC: of 6 anomalous-normal pairs, (2.5 vs 1), (2.5 vs 2), (4 vs all three) are ordered right
        assertThat(e.auc()).isEqualTo(5.0 / 6);
        // samples score their highest window: a 2, b 3, c 4
        assertThat(e.samples()).isEqualTo(3);
        assertThat(e.anomalousSamples()).isEqualTo(1);
        assertThat(e.sampleAuc()).isEqualTo(1.0);
        AnomalyCounts s = e.sampleConfusion();
        assertThat(List.of(s.truePositives(), s.falsePositives(), s.trueNegatives(), s.falseNegatives()))
                .containsExactly(1, 1, 1, 0);
    }

    @Test
    void everyCurvePointIsTheConfusionAtItsThreshold() {
        AnomalyEvaluation e = AnomalyEvaluation.of(SCORES, ANOMALOUS, SAMPLES, 2.5);

        assertThat(e.roc()).hasSize(5);
        assertThat(e.roc().get(0).threshold()).isEqualTo(4.0);
        assertThat(e.roc().get(0).truePositiveRate()).isZero();
        assertThat(e.roc().get(0).precision()).isNull();
        for (AnomalyEvaluation.CurvePoint p : e.roc()) {
            AnomalyCounts at = AnomalyEvaluation.of(SCORES, ANOMALOUS, SAMPLES, p.threshold())
                    .confusion();
            assertThat(p.truePositiveRate()).isEqualTo(at.recall());
            assertThat(p.falsePositiveRate()).isEqualTo(at.falsePositiveRate());
            assertThat(p.precision()).isEqualTo(at.precision());
        }
    }

    @Test
    void theHistogramCountsEveryWindowOnceAndTheCurveIsThinnedToItsLimit() {
        double[] scores = new double[1000];
        boolean[] anomalous = new boolean[1000];
        String[] samples = new String[1000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i == 999 ? 1e6 : i;
            anomalous[i] = i >= 900;
            samples[i] = "s" + i;
        }
        AnomalyEvaluation e = AnomalyEvaluation.of(scores, anomalous, samples, 500);

        AnomalyEvaluation.ScoreHistogram h = e.histogram();
        assertThat(h.edges()).hasSize(AnomalyEvaluation.HISTOGRAM_BINS + 1);
        int normal = 0;
        int anomalies = 0;
        for (int b = 0; b < h.normal().length; b++) {
            normal += h.normal()[b];
            anomalies += h.anomalous()[b];
        }
        assertThat(normal).isEqualTo(900);
        assertThat(anomalies).isEqualTo(100);
        // the far outlier does not stretch the bins: the last edge is the 99th percentile
        assertThat(h.edges()[AnomalyEvaluation.HISTOGRAM_BINS]).isLessThan(1000);
        assertThat(h.overflow()).isEqualTo(10);
        assertThat(e.roc()).hasSize(AnomalyEvaluation.MAX_CURVE_POINTS);
        assertThat(e.roc().get(0).threshold()).isEqualTo(1e6);
        assertThat(e.roc().get(e.roc().size() - 1).threshold()).isEqualTo(0);
    }

    @Test
    void withoutAnomaliesTheAucIsUndefinedAndTheCurveEmpty() {
        AnomalyEvaluation e = AnomalyEvaluation.of(new double[] {1, 2}, new boolean[2], new String[] {"a", "b"}, 1.5);

        assertThat(e.auc()).isNull();
        assertThat(e.sampleAuc()).isNull();
        assertThat(e.roc()).isEmpty();
        assertThat(e.confusion().recall()).isNull();
        assertThat(e.confusion().accuracy()).isEqualTo(0.5);
    }
}
