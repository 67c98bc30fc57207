package dev.edgeforge.training.job;

import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.anomaly.AnomalyDetector;
import dev.edgeforge.core.learning.anomaly.AnomalyEvaluation;
import dev.edgeforge.core.learning.anomaly.AnomalyModel;
import dev.edgeforge.core.learning.anomaly.GaussianMixture;
import dev.edgeforge.core.learning.anomaly.GaussianMixtureModel;
import dev.edgeforge.core.learning.anomaly.KMeans;
import dev.edgeforge.core.learning.anomaly.KMeansModel;
import dev.edgeforge.infra.job.JobContext;
import dev.edgeforge.infra.job.NonRetryableJobException;
import dev.edgeforge.jobs.training.ModelArtifactKeys;
import dev.edgeforge.jobs.training.ModelArtifacts;
import dev.edgeforge.jobs.training.ModelKind;
import dev.edgeforge.jobs.training.ModelSummary;
import dev.edgeforge.jobs.training.TrainJobPayload;
import dev.edgeforge.jobs.training.TrainJobResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trains an anomaly model (K-means or Gaussian mixture; plain Java, no DJL) on the training windows whose label is
 * normal — the block's {@code normalLabels}, by default every label the training windows have — sets the starting
 * threshold at the {@link AnomalyMetrics#DEFAULT_QUANTILE} quantile of their scores, and scores the test set, where
 * windows with any other label are the known anomalies.
 *
 * <p>The labels come from the training rows, not from the feature file's label dictionary: files written before
 * issue #18 share one dictionary with the test file, so it also holds the test set's anomaly labels.
 */
final class AnomalyTraining {

    static final String NO_INT8 = "An anomaly model (K-means centroids or a Gaussian mixture) is not a neural "
            + "network: it has no TFLite file.";

    private final JobContext context;
    private final TrainJobPayload payload;
    private final RunFolder folder;

    AnomalyTraining(JobContext context, TrainJobPayload payload, RunFolder folder) {
        this.context = context;
        this.payload = payload;
        this.folder = folder;
    }

    /** The labels an anomaly block learns as normal: its own list, else every label of the training windows. */
    static List<String> normalLabels(LearningBlock block, List<FeatureRow> training) {
        return block.normalLabels().isEmpty()
                ? List.copyOf(
                        new TreeSet<>(training.stream().map(FeatureRow::label).toList()))
                : block.normalLabels();
    }

    TrainJobResult run(FeatureSet training, FeatureSet testing) {
        LearningBlock block = payload.learningBlock();
        List<String> normal = normalLabels(block, training.rows());
        Map<String, Integer> perLabel = new TreeMap<>();
        List<float[]> kept = new ArrayList<>();
        for (FeatureRow row : training.rows()) {
            perLabel.merge(row.label(), 1, Integer::sum);
            if (normal.contains(row.label())) {
                kept.add(row.features());
            }
        }
        List<String> missing =
                normal.stream().filter(l -> !perLabel.containsKey(l)).toList();
        if (!missing.isEmpty()) {
            throw new NonRetryableJobException("The normal label" + (missing.size() == 1 ? " " : "s ")
                    + quoted(missing) + (missing.size() == 1 ? " has" : " have") + " no training windows; the "
                    + "training set has " + quoted(List.copyOf(perLabel.keySet())) + ".");
        }
        perLabel.forEach((label, count) -> {
            if (!normal.contains(label)) {
                context.log("Leaving out " + count + " training windows labelled '" + label
                        + "': not a normal label, so not learnt as normal");
            }
        });
        float[][] features = kept.toArray(float[][]::new);
        long seed = payload.hyperparameters() == null
                ? 42
                : payload.hyperparameters().seed();
        context.log("Learning " + features.length + " windows labelled " + quoted(normal) + " as normal");
        AnomalyModel model;
        try {
            model = block.kind() == LearningBlock.Kind.ANOMALY_GMM
                    ? GaussianMixture.fit(features, block.gmm(), seed)
                    : KMeans.fit(features, block.kmeans(), seed);
        } catch (IllegalArgumentException e) {
            throw new NonRetryableJobException(e.getMessage());
        }
        context.progress(0.8);
        double threshold = model.scoreQuantile(features, AnomalyMetrics.DEFAULT_QUANTILE);
        double median = model.scoreQuantile(features, 0.5);
        context.log(String.format(
                Locale.ROOT,
                "%s after %d iterations; threshold %.4f (%.0f %% of training windows score below it), median "
                        + "score %.4f",
                model.describe(),
                model.iterations(),
                threshold,
                100 * AnomalyMetrics.DEFAULT_QUANTILE,
                median));
        AnomalyDetector detector = new AnomalyDetector(model, threshold);
        ModelEvaluator.Outcome test = null;
        if (testing != null) {
            context.throwIfCancelled();
            test = ModelEvaluator.anomaly(detector, normal, testing.rows());
            context.log(describe((AnomalyEvaluation) test.evaluation(), normal));
        }
        context.throwIfCancelled();
        String modelKey = folder.putJson(
                model instanceof KMeansModel ? ModelArtifactKeys.KMEANS_MODEL : ModelArtifactKeys.GMM_MODEL, model);
        String predictionsKey = test == null ? null : folder.putJson(ModelArtifactKeys.PREDICTIONS, test.predictions());
        AnomalyMetrics anomaly = new AnomalyMetrics(
                model.describe(),
                threshold,
                model instanceof KMeansModel k ? k.centroids().length : null,
                model instanceof GaussianMixtureModel g ? g.weights().length : null,
                normal,
                features.length,
                median,
                test == null ? null : (AnomalyEvaluation) test.evaluation());
        String metricsKey = folder.putJson(
                ModelArtifactKeys.METRICS,
                new ModelMetrics(ModelKind.ANOMALY, null, null, null, anomaly, List.of(), null, null));
        return new TrainJobResult(
                payload.modelId(),
                ModelKind.ANOMALY,
                normal,
                payload.featureShape(),
                new ModelArtifacts(null, null, null, modelKey, metricsKey, predictionsKey),
                null,
                null,
                NO_INT8,
                threshold,
                test == null ? ModelSummary.empty() : test.summary());
    }

    /** The test figures as a log line a user can act on. */
    static String describe(AnomalyEvaluation e, List<String> normal) {
        if (e == null) {
            return "The test set is empty";
        }
        if (e.anomalies() == 0) {
            return String.format(
                    Locale.ROOT,
                    "Test: %d windows, all labelled normal (%s): no known anomalies, so no AUC; add test samples with "
                            + "another label to measure the model",
                    e.windows(),
                    quoted(normal));
        }
        return String.format(
                Locale.ROOT,
                "Test: %d windows (%d samples), %d known anomalies (labels other than %s); window AUC %s, sample AUC "
                        + "%s; at the threshold %d of %d anomalies caught, %d of %d normal windows flagged",
                e.windows(),
                e.samples(),
                e.anomalies(),
                quoted(normal),
                e.auc() == null ? "undefined (no normal window)" : String.format(Locale.ROOT, "%.4f", e.auc()),
                e.sampleAuc() == null ? "undefined" : String.format(Locale.ROOT, "%.4f", e.sampleAuc()),
                e.confusion().truePositives(),
                e.anomalies(),
                e.confusion().falsePositives(),
                e.windows() - e.anomalies());
    }

    private static String quoted(List<String> labels) {
        return labels.stream()
                .map(l -> "'" + l + "'")
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
    }
}
