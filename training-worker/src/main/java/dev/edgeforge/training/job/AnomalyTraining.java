package dev.edgeforge.training.job;

import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.learning.KMeansSettings;
import dev.edgeforge.core.learning.anomaly.AnomalyDetector;
import dev.edgeforge.core.learning.anomaly.AnomalyEvaluation;
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
import java.util.List;
import java.util.Locale;

/**
 * Trains a K-means anomaly model (plain Java, no DJL): clusters the training windows, which are all taken as normal,
 * sets the starting threshold at the {@link AnomalyMetrics#DEFAULT_QUANTILE} quantile of their scores, and scores the
 * test set, where windows with a label that is not a training label are the known anomalies.
 */
final class AnomalyTraining {

    static final String NO_INT8 =
            "A K-means anomaly model is a set of centroids, not a neural network: it has no " + "TFLite file.";

    private final JobContext context;
    private final TrainJobPayload payload;
    private final RunFolder folder;

    AnomalyTraining(JobContext context, TrainJobPayload payload, RunFolder folder) {
        this.context = context;
        this.payload = payload;
        this.folder = folder;
    }

    TrainJobResult run(FeatureSet training, FeatureSet testing) {
        KMeansSettings settings = payload.learningBlock().kmeans();
        float[][] features = training.features().toArray(float[][]::new);
        long seed = payload.hyperparameters() == null
                ? 42
                : payload.hyperparameters().seed();
        context.log("Clustering " + features.length + " windows into " + settings.clusterCount() + " clusters");
        KMeansModel model;
        try {
            model = KMeans.fit(features, settings, seed);
        } catch (IllegalArgumentException e) {
            throw new NonRetryableJobException(e.getMessage());
        }
        context.progress(0.8);
        double threshold = model.scoreQuantile(features, AnomalyMetrics.DEFAULT_QUANTILE);
        double median = model.scoreQuantile(features, 0.5);
        context.log(String.format(
                Locale.ROOT,
                "%d clusters after %d iterations; threshold %.4f (%.0f %% of training "
                        + "windows score below it), median score %.4f",
                model.centroids().length,
                model.iterations(),
                threshold,
                100 * AnomalyMetrics.DEFAULT_QUANTILE,
                median));
        List<String> labels = training.header().labels();
        AnomalyDetector detector = new AnomalyDetector(model, threshold);
        ModelEvaluator.Outcome test = null;
        if (testing != null) {
            context.throwIfCancelled();
            test = ModelEvaluator.anomaly(detector, labels, testing.rows());
            AnomalyEvaluation evaluation = (AnomalyEvaluation) test.evaluation();
            context.log(
                    evaluation == null
                            ? "The test set is empty"
                            : String.format(
                                    Locale.ROOT,
                                    "Test: %d windows, %d known anomalies, AUC %s",
                                    evaluation.samples(),
                                    evaluation.anomalies(),
                                    evaluation.auc() == null
                                            ? "undefined (needs normal and anomalous windows)"
                                            : String.format(Locale.ROOT, "%.4f", evaluation.auc())));
        }
        context.throwIfCancelled();
        String kmeansKey = folder.putJson(ModelArtifactKeys.KMEANS_MODEL, model);
        String predictionsKey = test == null ? null : folder.putJson(ModelArtifactKeys.PREDICTIONS, test.predictions());
        AnomalyMetrics anomaly = new AnomalyMetrics(
                threshold,
                model.centroids().length,
                features.length,
                median,
                test == null ? null : (AnomalyEvaluation) test.evaluation());
        String metricsKey = folder.putJson(
                ModelArtifactKeys.METRICS,
                new ModelMetrics(ModelKind.ANOMALY, null, null, null, anomaly, List.of(), null, null));
        return new TrainJobResult(
                payload.modelId(),
                ModelKind.ANOMALY,
                labels,
                payload.featureShape(),
                new ModelArtifacts(null, null, null, kmeansKey, metricsKey, predictionsKey),
                null,
                null,
                NO_INT8,
                threshold,
                test == null ? ModelSummary.empty() : test.summary());
    }
}
