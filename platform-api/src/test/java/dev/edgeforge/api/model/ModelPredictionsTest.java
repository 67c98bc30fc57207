package dev.edgeforge.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.jobs.training.ModelKind;
import dev.edgeforge.jobs.training.PredictionRow;
import dev.edgeforge.jobs.training.Predictions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ModelPredictionsTest {

    private static final List<String> CLASSES = List.of("idle", "wave");

    @Test
    void classificationRowsAreRecomputedAtTheThreshold() {
        Predictions predictions = new Predictions(
                ModelKind.CLASSIFICATION,
                CLASSES,
                List.of(),
                null,
                List.of(
                        row("a", "idle", new float[] {0.9f, 0.1f}, new float[] {0.88f, 0.12f}),
                        row("b", "wave", new float[] {0.45f, 0.55f}, new float[] {0.55f, 0.45f}),
                        row("c", "shake", new float[] {0.2f, 0.8f}, null)));

        PredictionsView lenient = ModelPredictions.view(UUID.randomUUID(), predictions, 0.5);
        assertThat(lenient.rows()).extracting(PredictionsView.Row::predicted).containsExactly("idle", "wave", "wave");
        assertThat(lenient.rows())
                .extracting(PredictionsView.Row::int8Predicted)
                .containsExactly("idle", "idle", null);
        // the unknown label 'shake' is shown but not counted
        assertThat(lenient.rows().get(2).correct()).isNull();
        assertThat(lenient.accuracy()).isEqualTo(1.0);
        assertThat(lenient.int8Accuracy()).isEqualTo(0.5);

        // a stricter threshold flags the 0.55 window uncertain, but its top-1 answer stays right
        PredictionsView strict = ModelPredictions.view(UUID.randomUUID(), predictions, 0.6);
        assertThat(strict.rows()).extracting(PredictionsView.Row::predicted).containsExactly("idle", "wave", "wave");
        assertThat(strict.rows().get(1).uncertain()).isTrue();
        assertThat(strict.rows().get(1).correct()).isTrue();
        assertThat(strict.accuracy()).isEqualTo(1.0);
        assertThat(strict.report().uncertain()).isEqualTo(1);
        assertThat(strict.report().uncertainRate()).isEqualTo(0.5);
        assertThat(strict.report().confidentAccuracy()).isEqualTo(1.0);
        assertThat(strict.report().sampleVote().samples()).isEqualTo(2);
    }

    @Test
    void anomalyRowsCompareTheScoreWithTheThresholdAndTheLabelWithTheTrainingLabels() {
        Predictions predictions = new Predictions(
                ModelKind.ANOMALY,
                List.of("score"),
                CLASSES,
                2.0,
                List.of(
                        row("a", "idle", new float[] {1.0f}, null),
                        row("b", "shake", new float[] {3.0f}, null),
                        row("c", "wave", new float[] {2.5f}, null)));

        PredictionsView view = ModelPredictions.view(UUID.randomUUID(), predictions, 2.0);

        assertThat(view.rows())
                .extracting(PredictionsView.Row::predicted)
                .containsExactly("normal", "anomaly", "anomaly");
        assertThat(view.rows()).extracting(PredictionsView.Row::correct).containsExactly(true, true, false);
        assertThat(view.accuracy()).isEqualTo(2.0 / 3);
        assertThat(ModelPredictions.view(UUID.randomUUID(), predictions, 2.6).accuracy())
                .isEqualTo(1.0);
    }

    @Test
    void regressionRowsShowTheValue() {
        Predictions predictions = new Predictions(
                ModelKind.REGRESSION,
                List.of("value"),
                List.of(),
                null,
                List.of(row("a", "1.5", new float[] {1.25f}, new float[] {1.3f})));

        PredictionsView view = ModelPredictions.view(UUID.randomUUID(), predictions, 0);

        assertThat(view.rows().get(0).predicted()).isEqualTo("1.2500");
        assertThat(view.rows().get(0).int8Predicted()).isEqualTo("1.3000");
        assertThat(view.accuracy()).isNull();
    }

    @Test
    void anInt8OnlyModelShowsItsInt8Scores() {
        Predictions predictions = new Predictions(
                ModelKind.CLASSIFICATION, CLASSES, List.of(), null, List.of(row("a", "wave", null, new float[] {
                    0.2f, 0.8f
                })));

        PredictionsView.Row row = ModelPredictions.view(UUID.randomUUID(), predictions, 0.5)
                .rows()
                .get(0);

        assertThat(row.predicted()).isEqualTo("wave");
        assertThat(row.scores()).containsExactly(0.2f, 0.8f);
        assertThat(row.int8Scores()).isNull();
    }

    private static PredictionRow row(String sample, String label, float[] float32, float[] int8) {
        return new PredictionRow(sample, 0, 0, label, float32, int8);
    }
}
