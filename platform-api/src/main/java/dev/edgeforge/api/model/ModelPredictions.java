package dev.edgeforge.api.model;

import dev.edgeforge.core.learning.eval.ClassificationReport;
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

/**
 * Turns stored per-window outputs into predictions at a threshold (the browser repeats this on the slider). The
 * threshold only flags windows uncertain: accuracy is top-1 ({@link ClassificationReport}) at every threshold.
 */
final class ModelPredictions {

    static final String UNCERTAIN = "uncertain";
    static final String ANOMALY = "anomaly";
    static final String NORMAL = "normal";

    private ModelPredictions() {}

    static PredictionsView view(UUID modelId, Predictions predictions, double threshold) {
        if (predictions.kind() == ModelKind.CLASSIFICATION) {
            return classification(modelId, predictions, threshold);
        }
        List<PredictionsView.Row> rows = new ArrayList<>(predictions.rows().size());
        int judged = 0;
        int correct = 0;
        Set<String> normal = new HashSet<>(predictions.labels());
        for (PredictionRow row : predictions.rows()) {
            float[] scores = row.float32() != null ? row.float32() : row.int8();
            String predicted;
            String int8Predicted = null;
            Boolean isCorrect = null;
            switch (predictions.kind()) {
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
                    false,
                    isCorrect));
        }
        Double accuracy = predictions.kind() == ModelKind.REGRESSION || judged == 0 ? null : (double) correct / judged;
        return new PredictionsView(
                modelId,
                predictions.kind().value(),
                predictions.outputNames(),
                threshold,
                rows.size(),
                accuracy,
                null,
                null,
                rows);
    }

    /**
     * Classification rows: each window's top-1 class, flagged uncertain when its top score is below the threshold;
     * the figures are the core {@link ClassificationReport} of the windows whose label is a class of the model.
     */
    private static PredictionsView classification(UUID modelId, Predictions predictions, double threshold) {
        List<String> names = predictions.outputNames();
        List<PredictionsView.Row> rows = new ArrayList<>(predictions.rows().size());
        List<Integer> actual = new ArrayList<>();
        List<String> sampleIds = new ArrayList<>();
        List<float[]> scores = new ArrayList<>();
        List<float[]> int8Scores = new ArrayList<>();
        boolean int8Everywhere = true;
        for (PredictionRow row : predictions.rows()) {
            float[] main = row.float32() != null ? row.float32() : row.int8();
            int top = Prediction.top1(main);
            int classId = names.indexOf(row.label());
            if (classId >= 0) {
                actual.add(classId);
                sampleIds.add(row.sampleId());
                scores.add(main);
                int8Scores.add(row.int8());
                int8Everywhere &= row.int8() != null;
            }
            rows.add(new PredictionsView.Row(
                    row.sampleId(),
                    row.windowIndex(),
                    row.windowStartMs(),
                    row.label(),
                    name(names, top),
                    row.int8() == null ? null : name(names, Prediction.top1(row.int8())),
                    main,
                    row.float32() != null ? row.int8() : null,
                    Prediction.isUncertain(main, threshold),
                    classId >= 0 ? top == classId : null));
        }
        int[] labels = actual.stream().mapToInt(Integer::intValue).toArray();
        String[] samples = sampleIds.toArray(String[]::new);
        ClassificationReport report = labels.length == 0
                ? null
                : ClassificationReport.of(labels, scores.toArray(float[][]::new), samples, names, threshold);
        ClassificationReport int8 = labels.length == 0 || !int8Everywhere
                ? null
                : ClassificationReport.of(labels, int8Scores.toArray(float[][]::new), samples, names, threshold);
        return new PredictionsView(
                modelId,
                predictions.kind().value(),
                names,
                threshold,
                rows.size(),
                report == null ? null : report.accuracy(),
                int8 == null ? null : int8.accuracy(),
                report,
                rows);
    }

    private static String name(List<String> names, int classId) {
        return classId < names.size() ? names.get(classId) : "output " + classId;
    }

    /** The class with the highest score, or {@code uncertain} below the threshold (live classification's counts). */
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
