package dev.edgeforge.training.job;

import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.infra.job.JobContext;
import dev.edgeforge.infra.job.JobHandler;
import dev.edgeforge.infra.job.NonRetryableJobException;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.training.ModelArtifactKeys;
import dev.edgeforge.jobs.training.ModelKind;
import dev.edgeforge.jobs.training.TrainJobPayload;
import dev.edgeforge.jobs.training.TrainJobResult;
import dev.edgeforge.training.trainer.CheckpointPolicy;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Runs {@code train} jobs ({@link TrainJobPayload}): reads the training and test features from the object store,
 * trains the learning block (a network with DJL, or an anomaly model), writes the model's files under the attempt's own
 * folder ({@link ModelArtifactKeys#trainRun}) and stores a {@link TrainJobResult} naming them. The files exist before
 * the job succeeds, so the server can point the model row at them as soon as it sees the job done.
 *
 * <p>The log and progress start at once: loading the features (with their counts), building the network, the
 * batches of the first epoch; then progress follows the share of epochs done; every epoch is a log line
 * ({@code EpochMetrics.toLogLine()}); a cancel is noticed before the next batch. Data problems (an empty class, too
 * few windows, a diverging loss, labels that are not numbers for regression) fail the job at once with a message
 * saying what to change.
 */
public final class TrainJobHandler implements JobHandler {

    private final ObjectStore store;
    private final FeatureSetLoader features;
    private final CheckpointPolicy checkpointPolicy;

    public TrainJobHandler(ObjectStore store) {
        this(store, CheckpointPolicy.DEFAULT);
    }

    /** With checkpoints of network training saved as {@code checkpointPolicy} says. */
    public TrainJobHandler(ObjectStore store, CheckpointPolicy checkpointPolicy) {
        this.store = Objects.requireNonNull(store, "store");
        this.features = new FeatureSetLoader(store);
        this.checkpointPolicy = Objects.requireNonNull(checkpointPolicy, "checkpointPolicy");
    }

    @Override
    public String type() {
        return TrainJobPayload.TYPE;
    }

    @Override
    public void run(JobContext context) {
        TrainJobPayload payload = Payloads.read(context.payload(), TrainJobPayload.class);
        List<String> problems = payload.problems();
        if (!problems.isEmpty()) {
            throw new NonRetryableJobException("The train job cannot run: " + String.join("; ", problems) + ".");
        }
        if (context.projectId() == null) {
            throw new NonRetryableJobException("The train job belongs to no project.");
        }
        // say what happens from the first second: loading large feature sets takes a while before any epoch
        context.log("Loading the training features");
        context.progress(0.0);
        long start = System.nanoTime();
        FeatureSet training = features.load(payload.trainingFeatures(), "training", payload.featureShape());
        context.log(String.format(
                Locale.ROOT,
                "Loaded %d training windows of %d features in %.1f s",
                training.rows().size(),
                training.header().featureLength(),
                (System.nanoTime() - start) / 1e9));
        context.progress(0.01);
        FeatureSet testing = null;
        if (payload.testingFeatures() != null) {
            context.log("Loading the test features");
            start = System.nanoTime();
            testing = features.load(payload.testingFeatures(), "test", payload.featureShape());
            context.log(String.format(
                    Locale.ROOT,
                    "Loaded %d test windows in %.1f s",
                    testing.rows().size(),
                    (System.nanoTime() - start) / 1e9));
        }
        context.progress(0.02);
        context.log(startLine(payload, training, context.attempt()));
        context.throwIfCancelled();
        RunFolder folder = new RunFolder(
                store, ModelArtifactKeys.trainRun(context.projectId(), payload.modelId(), context.attempt()));
        if (!payload.learningBlock().kind().isNeural()) {
            context.result(JobJson.write(new AnomalyTraining(context, payload, folder).run(training, testing)));
            context.log("Model ready");
            return;
        }
        JobCheckpoints checkpoints = new JobCheckpoints(
                store,
                context,
                ModelArtifactKeys.trainCheckpoint(context.projectId(), payload.modelId(), context.jobId()));
        TrainJobResult result;
        try {
            result =
                    new NetworkTraining(context, payload, folder, checkpoints, checkpointPolicy).run(training, testing);
        } catch (NonRetryableJobException e) {
            checkpoints.discard(); // no attempt follows
            throw e;
        } catch (RuntimeException e) {
            // a cancel or a lost lease keeps it for the attempt that takes over; a last attempt has none
            if (context.attempt() >= context.maxAttempts() && !context.isCancelRequested()) {
                checkpoints.discard();
            }
            throw e;
        }
        context.result(JobJson.write(result));
        checkpoints.discard();
        context.log("Model ready");
    }

    /**
     * The first log line: what is trained on what. An anomaly model names its normal labels (it is trained on
     * nothing else); a network counts the labels of the training windows.
     */
    static String startLine(TrainJobPayload payload, FeatureSet training, int attempt) {
        LearningBlock block = payload.learningBlock();
        String what = block.kind().isAnomaly()
                ? "Training an anomaly model ("
                        + (block.kind() == LearningBlock.Kind.ANOMALY_GMM
                                ? "Gaussian mixture, " + block.gmm().componentCount() + " components"
                                : "K-means, " + block.kmeans().clusterCount() + " clusters")
                        + ")"
                : "Training a " + ModelKind.of(block.kind()).value() + " model";
        long labels = training.rows().stream().map(FeatureRow::label).distinct().count();
        String on = block.kind().isAnomaly()
                ? "normal labels: " + String.join(", ", AnomalyTraining.normalLabels(block, training.rows()))
                : labels + (labels == 1 ? " label" : " labels");
        return what + " on " + training.rows().size() + " windows of shape " + payload.featureShape() + " (" + on
                + "), attempt " + attempt;
    }
}
