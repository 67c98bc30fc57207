package dev.edgeforge.training.compress;

import dev.edgeforge.core.learning.ArchitectureViolation;
import dev.edgeforge.core.learning.HyperparameterViolation;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.TrainedNetwork;
import dev.edgeforge.core.learning.export.ConversionViolation;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.stats.CompressionReport;
import dev.edgeforge.core.model.stats.ModelVariant;
import dev.edgeforge.core.tflite.TfliteWriter;
import dev.edgeforge.infra.job.JobContext;
import dev.edgeforge.infra.job.JobHandler;
import dev.edgeforge.infra.job.NonRetryableJobException;
import dev.edgeforge.infra.storage.ObjectNotFoundException;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.compress.CompressJobPayload;
import dev.edgeforge.jobs.compress.CompressJobResult;
import dev.edgeforge.jobs.compress.CompressionArtifactKeys;
import dev.edgeforge.jobs.compress.CompressionOptions;
import dev.edgeforge.jobs.compress.DistillationSettings;
import dev.edgeforge.training.compression.CompressionOutcome;
import dev.edgeforge.training.compression.CompressionViolation;
import dev.edgeforge.training.compression.LabelledSamples;
import dev.edgeforge.training.compression.ModelCompressor;
import dev.edgeforge.training.compression.SparsitySchedule;
import dev.edgeforge.training.compression.TrainedModel;
import dev.edgeforge.training.trainer.TrainingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;

/**
 * Runs {@code compress} jobs ({@link CompressJobPayload}): reads the model's trained network and its training and
 * test features from the object store, runs {@link ModelCompressor} with the stages asked for, writes every variant's
 * {@code .tflite} and the {@code compression-report.json} into the attempt's own folder
 * ({@link CompressionArtifactKeys#run}) and stores a {@link CompressJobResult} with the report and the keys.
 *
 * <p>Every stage and every fine-tuning or student epoch is a log line; progress moves with them; a cancel is noticed
 * before the next training batch. A model, feature file or setting that cannot work fails the job at once with a
 * message saying what to change.
 */
public final class CompressJobHandler implements JobHandler {

    private final ObjectStore store;
    private final CompressionData data;

    public CompressJobHandler(ObjectStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.data = new CompressionData(store);
    }

    @Override
    public String type() {
        return CompressJobPayload.TYPE;
    }

    @Override
    public void run(JobContext context) {
        CompressJobPayload payload = readPayload(context.payload());
        List<String> problems = payload.problems();
        if (!problems.isEmpty()) {
            throw new NonRetryableJobException("The compress job cannot run: " + String.join("; ", problems) + ".");
        }
        if (context.projectId() == null) {
            throw new NonRetryableJobException("The compress job belongs to no project.");
        }
        TrainedModel model = model(payload);
        List<String> classes = model.network().outputNames();
        LabelledSamples samples =
                data.training(payload.trainingFeatures(), payload.featureShape(), payload.featureKind(), classes);
        CompressionData.TestSet test = payload.testingFeatures() == null
                ? null
                : data.testing(payload.testingFeatures(), payload.featureShape(), classes);
        context.log(String.format(
                Locale.ROOT,
                "Compressing a classifier of %d classes: %d training windows, %s",
                classes.size(),
                samples.features().length,
                describe(test)));
        context.throwIfCancelled();

        CompressionOutcome outcome = compress(context, payload, model, samples, test);
        context.throwIfCancelled();
        CompressJobResult result = write(context, payload, outcome);
        context.progress(1.0);
        context.result(JobJson.write(result));
        context.log("Compression report ready: " + result.variantKeys().size() + " variants");
    }

    private static CompressJobPayload readPayload(String json) {
        try {
            return JobJson.mapper().readValue(json, CompressJobPayload.class);
        } catch (JacksonException e) {
            throw new NonRetryableJobException("The compress job payload is not valid: " + e.getOriginalMessage(), e);
        }
    }

    private TrainedModel model(CompressJobPayload payload) {
        TrainedNetwork network;
        try (InputStream in = store.get(payload.networkKey())) {
            network = JobJson.mapper().readValue(in, TrainedNetwork.class);
        } catch (ObjectNotFoundException e) {
            throw new NonRetryableJobException(
                    "The model's trained network (" + payload.networkKey() + ") is missing "
                            + "from the object store; train the model again.",
                    e);
        } catch (JacksonException e) {
            throw new NonRetryableJobException(
                    "The model's trained network (" + payload.networkKey() + ") cannot be " + "read: "
                            + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + payload.networkKey(), e);
        }
        if (!network.inputShape().equals(payload.featureShape())) {
            throw new NonRetryableJobException("The model takes windows of shape " + network.inputShape()
                    + " but the features have shape " + payload.featureShape() + "; train the model again.");
        }
        try {
            return new TrainedModel(payload.learningBlock(), network);
        } catch (IllegalArgumentException e) {
            throw new NonRetryableJobException("The model cannot be compressed: " + e.getMessage(), e);
        }
    }

    private static CompressionOutcome compress(
            JobContext context,
            CompressJobPayload payload,
            TrainedModel model,
            LabelledSamples samples,
            CompressionData.TestSet test) {
        CompressionOptions options = payload.options();
        Hyperparameters trained = payload.hyperparameters();
        Hyperparameters fineTuning = trained.withEpochs(options.fineTuneEpochsOrDefault());
        if (options.fineTuneLearningRate() != null) {
            fineTuning = fineTuning.withLearningRate(options.fineTuneLearningRate());
        }
        ModelCompressor.Builder builder = ModelCompressor.builder()
                .setModel(model)
                .setSamples(samples)
                .setHyperparameters(fineTuning)
                .optListener(new JobCompressionListener(context))
                .optCancellation(context::isCancelRequested);
        if (test != null && !test.isEmpty()) {
            builder.optTestSet(test.features(), test.labels());
        }
        ModelCompressor compressor;
        try {
            if (options.magnitudePruning() != null) {
                builder.optMagnitudePruning(
                        SparsitySchedule.to(options.magnitudePruning().targetSparsity()));
            }
            if (options.structuredPruning() != null) {
                builder.optStructuredPruning(options.structuredPruning().fraction());
            }
            DistillationSettings distillation = options.distillation();
            if (distillation != null) {
                builder.optDistillation(
                        distillation.student(), distillation.temperatureOrDefault(), distillation.alphaOrDefault());
                builder.optStudentHyperparameters(
                        distillation.epochs() == null ? trained : trained.withEpochs(distillation.epochs()));
            }
            compressor = builder.build();
        } catch (ArchitectureViolation e) {
            throw new NonRetryableJobException(
                    "The distillation student does not fit the model's features: " + e.getMessage(), e);
        } catch (HyperparameterViolation | IllegalArgumentException | IllegalStateException e) {
            throw new NonRetryableJobException("The compress job cannot run: " + e.getMessage(), e);
        }
        try {
            return TorchGradMode.withoutAutograd(compressor::compress);
        } catch (CompressionViolation | ConversionViolation | TrainingException e) {
            throw new NonRetryableJobException(e.getMessage(), e);
        }
    }

    private CompressJobResult write(JobContext context, CompressJobPayload payload, CompressionOutcome outcome) {
        String run =
                CompressionArtifactKeys.run(context.projectId(), payload.modelId(), context.jobId(), context.attempt());
        CompressionReport report = outcome.report();
        TfliteWriter writer = new TfliteWriter();
        Map<String, String> keys = new LinkedHashMap<>();
        for (ModelVariant variant : report.variants()) {
            ModelGraph graph = outcome.graph(variant.name())
                    .orElseThrow(() -> new IllegalStateException(
                            "the compressor reported variant " + variant.name() + " without its graph"));
            String key = CompressionArtifactKeys.variant(run, variant.name());
            store.put(key, writer.write(graph));
            keys.put(variant.name(), key);
            context.log(line(variant));
        }
        String reportKey = CompressionArtifactKeys.report(run);
        store.put(reportKey, JobJson.writeBytes(report));
        return new CompressJobResult(payload.modelId(), run, reportKey, keys, report);
    }

    private static String line(ModelVariant v) {
        return String.format(
                Locale.ROOT,
                "%s: %s, %d parameters, %d weight bytes, %.1f %% zero, %d MACs, "
                        + "activations ≥ %d bytes, .tflite %d bytes",
                v.name(),
                v.testAccuracy() == null
                        ? "no test accuracy"
                        : String.format(Locale.ROOT, "test accuracy %.4f", v.testAccuracy()),
                v.parameters(),
                v.weightBytes(),
                100 * v.sparsity(),
                v.macs(),
                v.activationLowerBound(),
                v.tfliteBytes());
    }

    private static String describe(CompressionData.TestSet test) {
        if (test == null) {
            return "no test set (the report has no accuracies)";
        }
        String skipped = test.skipped() == 0
                ? ""
                : ", " + test.skipped() + " test windows of classes the model does not know left out";
        return test.isEmpty()
                ? "no test windows of the model's classes (the report has no accuracies)" + skipped
                : test.features().length + " test windows" + skipped;
    }
}
