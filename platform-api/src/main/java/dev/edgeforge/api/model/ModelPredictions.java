package dev.edgeforge.api.model;

import dev.edgeforge.core.learning.eval.Prediction;
import dev.edgeforge.jobs.training.ModelKind;
import dev.edgeforge.jobs.training.PredictionRow;
import dev.edgeforge.jobs.training.Predictions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Turns stored per-window outputs into predictions at a threshold (the browser repeats this on the slider). */
final class ModelPredictions {

    static final String UNCERTAIN = "uncertain";
    static final String ANOMALY = "anomaly";
    static final String NORMAL = "normal";

    private ModelPredictions() {}

    static PredictionsView view(UUID modelId, Predictions predictions, double threshold) {
        List<PredictionsView.Row> rows = new ArrayList<>(predictions.rows().size());
        int judged = 0;
        int correct = 0;
        int int8Judged = 0;
        int int8Correct = 0;
        Set<String> normal = new HashSet<>(predictions.labels());
        for (PredictionRow row : predictions.rows()) {
            float[] scores = row.float32() != null ? row.float32() : row.int8();
            String predicted;
            String int8Predicted = null;
            Boolean isCorrect = null;
            boolean uncertain = false;
            switch (predictions.kind()) {
                case CLASSIFICATION -> {
                    predicted = className(predictions.outputNames(), scores, threshold);
                    uncertain = UNCERTAIN.equals(predicted);
                    boolean known = predictions.outputNames().contains(row.label());
                    if (known) {
                        isCorrect = predicted.equals(row.label());
                        judged++;
                        correct += isCorrect ? 1 : 0;
                    }
                    if (row.int8() != null) {
                        int8Predicted = className(predictions.outputNames(), row.int8(), threshold);
                        if (known) {
                            int8Judged++;
                            int8Correct += int8Predicted.equals(row.label()) ? 1 : 0;
                        }
                    }
                }
                case REGRESSION -> {
                    predicted = format(scores);
                    int8Predicted = row.int8() == null ? null : format(row.int8());
                }
                case ANOMALY -> {
                    boolean anomaly = scores[0] > threshold;
                    predicted = anomaly ? ANOMALY : NORMAL;
                    isCorrect = anomaly == !normal.contains(row.label());
                    judged++;
                    correct += isCorrect ? 1 : 0;
                }
                default -> throw new IllegalStateException(predictions.kind().toString());
            }
            rows.add(new PredictionsView.Row(
                    row.sampleId(),
                    row.windowIndex(),
                    row.windowStartMs(),
                    row.label(),
                    predicted,
                    int8Predicted,
                    scores,
                    row.float32() != null ? row.int8() : null,
                    uncertain,
                    isCorrect));
        }
        Double accuracy = predictions.kind() == ModelKind.REGRESSION || judged == 0 ? null : (double) correct / judged;
        Double int8Accuracy = int8Judged == 0 ? null : (double) int8Correct / int8Judged;
        return new PredictionsView(
                modelId,
                predictions.kind().value(),
                predictions.outputNames(),
                threshold,
                rows.size(),
                accuracy,
                int8Accuracy,
                rows);
    }

    /** The class with the highest score, or {@code uncertain} below the threshold. */
    static String className(List<String> names, float[] scores, double threshold) {
        int best = Prediction.classify(scores, threshold);
        if (best == Prediction.UNCERTAIN) {
            return UNCERTAIN;
        }
        return best < names.size() ? names.get(best) : "output " + best;
    }

    private static String format(float[] values) {
        List<String> parts = new ArrayList<>();
        for (float v : values) {
            parts.add(String.format(Locale.ROOT, "%.4f", v));
        }
        return String.join(", ", parts);
    }
}
