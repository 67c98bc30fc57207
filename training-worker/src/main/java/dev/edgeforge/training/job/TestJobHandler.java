package dev.edgeforge.training.job;

import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.learning.anomaly.AnomalyDetector;
import dev.edgeforge.core.learning.anomaly.AnomalyEvaluation;
import dev.edgeforge.core.learning.anomaly.AnomalyModel;
import dev.edgeforge.core.learning.eval.ClassificationReport;
import dev.edgeforge.core.learning.eval.RegressionReport;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.tflite.TfliteFormatException;
import dev.edgeforge.core.tflite.TfliteReader;
import dev.edgeforge.infra.job.JobContext;
import dev.edgeforge.infra.job.JobHandler;
import dev.edgeforge.infra.job.NonRetryableJobException;
import dev.edgeforge.infra.storage.ObjectNotFoundException;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.training.ModelArtifactKeys;
import dev.edgeforge.jobs.training.ModelKind;
import dev.edgeforge.jobs.training.TestJobPayload;
import dev.edgeforge.jobs.training.TestJobResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.core.JacksonException;

/**
 * Runs {@code test} jobs ({@link TestJobPayload}): evaluates a finished model on the project's current test features
 * (float32 and int8 graphs, or the anomaly score) and writes the new evaluation and per-window predictions under the
 * attempt's own folder ({@link ModelArtifactKeys#testRun}); the result ({@link TestJobResult}) names them.
 */
public final class TestJobHandler implements JobHandler {

    private final ObjectStore store;
    private final FeatureSetLoader features;

    public TestJobHandler(ObjectStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.features = new FeatureSetLoader(store);
    }

    @Override
    public String type() {
        return TestJobPayload.TYPE;
    }

    @Override
    public void run(JobContext context) {
        TestJobPayload payload = Payloads.read(context.payload(), TestJobPayload.class);
        List<String> problems = payload.problems();
        if (!problems.isEmpty()) {
            throw new NonRetryableJobException("The test job cannot run: " + String.join("; ", problems) + ".");
        }
        if (context.projectId() == null) {
            throw new NonRetryableJobException("The test job belongs to no project.");
        }
        FeatureSet testing = features.load(payload.testingFeatures(), "test", null);
        context.log("Testing the model on " + testing.rows().size() + " windows");
        context.progress(0.1);
        int length = testing.header().featureLength();
        ModelEvaluator.Outcome outcome;
        if (payload.kind() == ModelKind.ANOMALY) {
            AnomalyModel model = anomalyModel(payload.artifacts().kmeans());
            requireInput(model.featureCount(), length);
            outcome = ModelEvaluator.anomaly(
                    new AnomalyDetector(model, payload.anomalyThreshold()), payload.labels(), testing.rows());
        } else {
            ModelGraph float32 = graph(payload.artifacts().float32(), length);
            ModelGraph int8 = graph(payload.artifacts().int8(), length);
            outcome = payload.kind() == ModelKind.CLASSIFICATION
                    ? ModelEvaluator.classification(
                            payload.labels(), float32, int8, testing.rows(), payload.threshold())
                    : ModelEvaluator.regression(payload.labels(), float32, int8, testing.rows());
        }
        log(context, payload, outcome);
        context.throwIfCancelled();
        RunFolder folder = new RunFolder(
                store,
                ModelArtifactKeys.testRun(context.projectId(), payload.modelId(), context.jobId(), context.attempt()));
        String predictionsKey = folder.putJson(ModelArtifactKeys.PREDICTIONS, outcome.predictions());
        String metricsKey = folder.putJson(ModelArtifactKeys.TEST_METRICS, outcome.evaluation());
        context.result(JobJson.write(new TestJobResult(
                payload.modelId(), metricsKey, predictionsKey, payload.testingFeatures(), outcome.summary())));
    }

    private ModelGraph graph(String key, int featureLength) {
        if (key == null) {
            return null;
        }
        ModelGraph graph;
        try {
            graph = new TfliteReader().read(bytes(key));
        } catch (TfliteFormatException e) {
            throw new NonRetryableJobException("The model file " + key + " cannot be read: " + e.getMessage());
        }
        if (graph.inputs().length != 1) {
            throw new NonRetryableJobException("The model file " + key + " has " + graph.inputs().length
                    + " inputs; only single-input models can be tested.");
        }
        requireInput(graph.inputTensor(0).elementCount(), featureLength);
        return graph;
    }

    private static void requireInput(int modelInput, int featureLength) {
        if (modelInput != featureLength) {
            throw new NonRetryableJobException("The model takes " + modelInput + " features per window, but the "
                    + "test features have " + featureLength + "; train a model on the current impulse.");
        }
    }

    private AnomalyModel anomalyModel(String key) {
        try {
            return JobJson.mapper().readValue(bytes(key), AnomalyModel.class);
        } catch (JacksonException e) {
            throw new NonRetryableJobException(
                    "The anomaly model " + key + " cannot be read: " + e.getOriginalMessage());
        }
    }

    private byte[] bytes(String key) {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        } catch (ObjectNotFoundException e) {
            throw new NonRetryableJobException("The model file " + key + " is missing from the object store.");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + key, e);
        }
    }

    private static void log(JobContext context, TestJobPayload payload, ModelEvaluator.Outcome outcome) {
        if (outcome.evaluation() instanceof Evaluation<?> evaluation) {
            if (evaluation.float32() instanceof ClassificationReport f) {
                context.log(String.format(
                        Locale.ROOT, "Test accuracy %.4f on %d windows", f.accuracy(), evaluation.windows()));
            }
            if (evaluation.int8() instanceof ClassificationReport q) {
                context.log(String.format(Locale.ROOT, "int8 test accuracy %.4f", q.accuracy()));
            }
            if (!evaluation.unknownLabels().isEmpty()) {
                context.log(evaluation.skippedWindows() + " test windows are not a class of this model (labels only "
                        + "the test set has: " + evaluation.unknownLabels() + "); they are predicted but not counted");
            }
            if (evaluation.float32() instanceof RegressionReport f) {
                context.log(String.format(
                        Locale.ROOT,
                        "Test MAE %.4f, RMSE %.4f on %d windows",
                        f.mae(),
                        f.rmse(),
                        evaluation.windows()));
            }
        } else if (outcome.evaluation() instanceof AnomalyEvaluation a) {
            context.log(AnomalyTraining.describe(a, payload.labels()));
        }
    }
}
