package dev.edgeforge.training.job;

import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.learning.anomaly.AnomalyDetector;
import dev.edgeforge.core.learning.anomaly.AnomalyEvaluation;
import dev.edgeforge.core.learning.eval.ClassificationReport;
import dev.edgeforge.core.learning.eval.RegressionReport;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.stats.GraphPredictor;
import dev.edgeforge.jobs.training.ModelKind;
import dev.edgeforge.jobs.training.ModelSummary;
import dev.edgeforge.jobs.training.PredictionRow;
import dev.edgeforge.jobs.training.Predictions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a model on every window of a test set and measures it: float32 and int8 graphs for networks, the anomaly
 * score for anomaly models. Used by training (on the test set at hand) and by the test job (on the current one).
 */
final class ModelEvaluator {

    /** A test evaluation and the per-window outputs it was computed from. */
    record Outcome(Object evaluation, Predictions predictions, ModelSummary summary) {}

    private ModelEvaluator() {}

    /**
     * Classification on the test rows. Windows whose label is not a class of the model (a label only the test set
     * has) are predicted but left out of the reports, and counted per label as "not a class of this model".
     *
     * @param int8 the int8 graph, or {@code null}
     */
    static Outcome classification(
            List<String> classNames, ModelGraph float32, ModelGraph int8, List<FeatureRow> rows, double threshold) {
        GraphPredictor floatPredictor = float32 == null ? null : new GraphPredictor(float32);
        GraphPredictor int8Predictor = int8 == null ? null : new GraphPredictor(int8);
        List<PredictionRow> predictions = new ArrayList<>(rows.size());
        List<Integer> actual = new ArrayList<>();
        List<String> sampleIds = new ArrayList<>();
        List<float[]> floatOutputs = new ArrayList<>();
        List<float[]> int8Outputs = new ArrayList<>();
        Map<String, Integer> unknown = new TreeMap<>();
        int agreeing = 0;
        for (FeatureRow row : rows) {
            float[] f = floatPredictor == null ? null : floatPredictor.predict(row.features());
            float[] q = int8Predictor == null ? null : int8Predictor.predict(row.features());
            predictions.add(
                    new PredictionRow(row.sampleId(), row.windowIndex(), row.windowStartMs(), row.label(), f, q));
            if (f != null && q != null && GraphPredictor.argmax(f) == GraphPredictor.argmax(q)) {
                agreeing++;
            }
            int classId = classNames.indexOf(row.label());
            if (classId >= 0) {
                actual.add(classId);
                sampleIds.add(row.sampleId());
                floatOutputs.add(f);
                int8Outputs.add(q);
            } else {
                unknown.merge(row.label(), 1, Integer::sum);
            }
        }
        int[] labels = actual.stream().mapToInt(Integer::intValue).toArray();
        String[] samples = sampleIds.toArray(String[]::new);
        ClassificationReport floatReport = floatPredictor == null || labels.length == 0
                ? null
                : ClassificationReport.of(labels, floatOutputs.toArray(float[][]::new), samples, classNames, threshold);
        ClassificationReport int8Report = int8Predictor == null || labels.length == 0
                ? null
                : ClassificationReport.of(labels, int8Outputs.toArray(float[][]::new), samples, classNames, threshold);
        Double agreement = floatPredictor != null && int8Predictor != null && !rows.isEmpty()
                ? (double) agreeing / rows.size()
                : null;
        Evaluation<ClassificationReport> evaluation = new Evaluation<>(
                labels.length, floatReport, int8Report, agreement, rows.size() - labels.length, unknown);
        ClassificationReport main = floatReport == null ? int8Report : floatReport;
        ModelSummary summary = new ModelSummary(
                null,
                null,
                floatReport == null ? null : floatReport.accuracy(),
                int8Report == null ? null : int8Report.accuracy(),
                agreement,
                null,
                null,
                null,
                null,
                main == null ? null : main.uncertainRate(),
                main == null || main.sampleVote() == null
                        ? null
                        : main.sampleVote().accuracy());
        return new Outcome(
                evaluation,
                new Predictions(ModelKind.CLASSIFICATION, classNames, List.of(), null, predictions),
                summary);
    }

    /** Regression on the test rows; a window whose label is not a number is predicted but not measured. */
    static Outcome regression(List<String> targetNames, ModelGraph float32, ModelGraph int8, List<FeatureRow> rows) {
        GraphPredictor floatPredictor = float32 == null ? null : new GraphPredictor(float32);
        GraphPredictor int8Predictor = int8 == null ? null : new GraphPredictor(int8);
        List<PredictionRow> predictions = new ArrayList<>(rows.size());
        List<float[]> actual = new ArrayList<>();
        List<float[]> floatOutputs = new ArrayList<>();
        List<float[]> int8Outputs = new ArrayList<>();
        for (FeatureRow row : rows) {
            float[] f = floatPredictor == null ? null : floatPredictor.predict(row.features());
            float[] q = int8Predictor == null ? null : int8Predictor.predict(row.features());
            predictions.add(
                    new PredictionRow(row.sampleId(), row.windowIndex(), row.windowStartMs(), row.label(), f, q));
            Float target = RegressionTargets.parse(row.label());
            if (target != null && targetNames.size() == 1) {
                actual.add(new float[] {target});
                floatOutputs.add(f);
                int8Outputs.add(q);
            }
        }
        float[][] actualRows = actual.toArray(float[][]::new);
        RegressionReport floatReport = floatPredictor == null || actualRows.length == 0
                ? null
                : RegressionReport.of(actualRows, floatOutputs.toArray(float[][]::new), targetNames);
        RegressionReport int8Report = int8Predictor == null || actualRows.length == 0
                ? null
                : RegressionReport.of(actualRows, int8Outputs.toArray(float[][]::new), targetNames);
        Evaluation<RegressionReport> evaluation = new Evaluation<>(
                actualRows.length, floatReport, int8Report, null, rows.size() - actualRows.length, Map.of());
        ModelSummary summary = new ModelSummary(
                null,
                null,
                null,
                null,
                null,
                null,
                floatReport == null ? (int8Report == null ? null : int8Report.rmse()) : floatReport.rmse(),
                null,
                null,
                null,
                null);
        return new Outcome(
                evaluation, new Predictions(ModelKind.REGRESSION, targetNames, List.of(), null, predictions), summary);
    }

    /** Anomaly scores of the test rows; windows whose label is not a normal label are the known anomalies. */
    static Outcome anomaly(AnomalyDetector detector, List<String> normalLabels, List<FeatureRow> rows) {
        Set<String> normal = new HashSet<>(normalLabels);
        List<PredictionRow> predictions = new ArrayList<>(rows.size());
        double[] scores = new double[rows.size()];
        boolean[] isAnomaly = new boolean[rows.size()];
        String[] sampleIds = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            FeatureRow row = rows.get(i);
            // stored as float: evaluating the float lets the server recompute exactly these figures from the file
            scores[i] = (float) detector.score(row.features());
            isAnomaly[i] = !normal.contains(row.label());
            sampleIds[i] = row.sampleId();
            predictions.add(new PredictionRow(
                    row.sampleId(),
                    row.windowIndex(),
                    row.windowStartMs(),
                    row.label(),
                    new float[] {(float) scores[i]},
                    null));
        }
        AnomalyEvaluation evaluation =
                rows.isEmpty() ? null : AnomalyEvaluation.of(scores, isAnomaly, sampleIds, detector.threshold());
        ModelSummary summary = new ModelSummary(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                evaluation == null ? null : evaluation.auc(),
                null,
                null,
                null);
        return new Outcome(
                evaluation,
                new Predictions(ModelKind.ANOMALY, List.of("score"), normalLabels, detector.threshold(), predictions),
                summary);
    }
}
