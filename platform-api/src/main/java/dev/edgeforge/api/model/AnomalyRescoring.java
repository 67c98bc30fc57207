package dev.edgeforge.api.model;

import dev.edgeforge.core.learning.anomaly.AnomalyEvaluation;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.training.PredictionRow;
import dev.edgeforge.jobs.training.Predictions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An anomaly model's test figures at another threshold, recomputed from its stored test scores
 * ({@code predictions.json}): the scores do not depend on the threshold, so no job is needed. The worker evaluates
 * the same float scores, so figures recomputed at the training threshold equal the worker's.
 */
final class AnomalyRescoring {

    private static final JsonMapper JSON = JobJson.mapper();

    private AnomalyRescoring() {}

    /** The evaluation of the stored test windows at {@code threshold}; {@code null} without any. */
    static AnomalyEvaluation evaluationAt(Predictions predictions, double threshold) {
        if (predictions == null || predictions.rows().isEmpty()) {
            return null;
        }
        Set<String> normal = new HashSet<>(predictions.labels());
        List<PredictionRow> rows = predictions.rows();
        double[] scores = new double[rows.size()];
        boolean[] isAnomaly = new boolean[rows.size()];
        String[] sampleIds = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            PredictionRow row = rows.get(i);
            scores[i] = row.float32()[0];
            isAnomaly[i] = !normal.contains(row.label());
            sampleIds[i] = row.sampleId();
        }
        return AnomalyEvaluation.of(scores, isAnomaly, sampleIds, threshold);
    }

    /** {@code metrics} with {@code anomaly.threshold} set and {@code anomaly.test} recomputed at {@code threshold}. */
    static JsonNode metricsAt(JsonNode metrics, Predictions predictions, double threshold) {
        ObjectNode copy = metrics instanceof ObjectNode object ? object.deepCopy() : JSON.createObjectNode();
        ObjectNode anomaly = copy.path("anomaly") instanceof ObjectNode a ? a : copy.putObject("anomaly");
        anomaly.put("threshold", threshold);
        AnomalyEvaluation test = evaluationAt(predictions, threshold);
        if (test != null) {
            anomaly.set("test", JSON.valueToTree(test));
        }
        return copy;
    }
}
