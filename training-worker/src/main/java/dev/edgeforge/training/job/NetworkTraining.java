package dev.edgeforge.training.job;

import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.feature.FeatureSetHeader;
import dev.edgeforge.core.learning.ArchitectureViolation;
import dev.edgeforge.core.learning.HyperparameterViolation;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.eval.ClassificationReport;
import dev.edgeforge.core.learning.eval.Prediction;
import dev.edgeforge.core.learning.eval.RegressionReport;
import dev.edgeforge.core.learning.export.CalibrationSet;
import dev.edgeforge.core.learning.export.ConversionViolation;
import dev.edgeforge.core.learning.export.Int8Export;
import dev.edgeforge.core.learning.export.TrainedNetworkConverter;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.stats.GraphPredictor;
import dev.edgeforge.core.model.stats.Int8Check;
import dev.edgeforge.core.model.stats.ModelStats;
import dev.edgeforge.core.tflite.TfliteWriter;
import dev.edgeforge.infra.job.JobContext;
import dev.edgeforge.infra.job.NonRetryableJobException;
import dev.edgeforge.jobs.training.GraphSize;
import dev.edgeforge.jobs.training.ModelArtifactKeys;
import dev.edgeforge.jobs.training.ModelArtifacts;
import dev.edgeforge.jobs.training.ModelKind;
import dev.edgeforge.jobs.training.ModelSummary;
import dev.edgeforge.jobs.training.TrainJobPayload;
import dev.edgeforge.jobs.training.TrainJobResult;
import dev.edgeforge.training.trainer.CheckpointPolicy;
import dev.edgeforge.training.trainer.Trainer;
import dev.edgeforge.training.trainer.TrainingException;
import dev.edgeforge.training.trainer.TrainingResult;
import java.util.List;
import java.util.Locale;

/**
 * Trains a classification or regression network and turns it into a model: DJL training with live epochs, the
 * float32 graph, int8 post-training quantization on a calibration subset of the training windows, both
 * {@code .tflite} files, sizes, and float32/int8 metrics on the validation split and the test set.
 */
final class NetworkTraining {

    /** Progress when the features are loaded and the trainer starts setting up. */
    private static final double SETUP_START = 0.02;
    /** Progress when epoch 1 has ended: set-up and the first epoch's batches fill the part before. */
    private static final double EPOCHS_START = 0.05;
    /** Progress when the last epoch has ended; quantization and evaluation fill the rest. */
    private static final double EPOCHS_END = 0.9;

    private final JobContext context;
    private final TrainJobPayload payload;
    private final RunFolder folder;
    private final JobCheckpoints checkpoints;
    private final CheckpointPolicy checkpointPolicy;

    NetworkTraining(
            JobContext context,
            TrainJobPayload payload,
            RunFolder folder,
            JobCheckpoints checkpoints,
            CheckpointPolicy checkpointPolicy) {
        this.context = context;
        this.payload = payload;
        this.folder = folder;
        this.checkpoints = checkpoints;
        this.checkpointPolicy = checkpointPolicy;
    }

    TrainJobResult run(FeatureSet training, FeatureSet testing) {
        LearningBlock block = payload.learningBlock();
        boolean classification = block.kind() == LearningBlock.Kind.CLASSIFICATION;
        List<FeatureRow> rows = training.rows();
        float[][] features = training.features().toArray(float[][]::new);
        FeatureSetHeader header = training.header();
        int[] classIds = classification ? classIds(rows, header) : null;
        float[] targets = classification ? null : RegressionTargets.of(rows);
        List<String> outputNames = classification ? header.labels() : RegressionTargets.NAMES;

        TrainingResult result = train(features, classIds, targets, outputNames);
        context.throwIfCancelled();

        ModelGraph float32;
        ModelGraph int8;
        long seed = payload.hyperparameters().seed();
        try {
            float32 = new TrainedNetworkConverter().convert(result.network());
            context.log("Quantizing to int8: calibrating on up to " + CalibrationSet.DEFAULT_SIZE
                    + " windows of the training set");
            Int8Export.Result quantized = Int8Export.quantize(
                    float32, features, classification ? classIds : null, result.trainIndices(), seed);
            int8 = quantized.int8();
            context.log("Quantized to int8 (MSE-optimal input and activation ranges over "
                    + quantized.calibrationWindows() + " training windows, per-channel weights)");
        } catch (ConversionViolation e) {
            throw new NonRetryableJobException(
                    "The trained network cannot be converted to a TFLite model: " + e.getMessage());
        }
        context.progress(0.93);
        TfliteWriter writer = new TfliteWriter();
        byte[] float32File = writer.write(float32);
        byte[] int8File = writer.write(int8);
        GraphSize float32Size = GraphSize.of(ModelStats.of(float32), float32File.length);
        GraphSize int8Size = GraphSize.of(ModelStats.of(int8), int8File.length);
        context.log(String.format(
                Locale.ROOT,
                "Model size: float32 %d bytes, int8 %d bytes; %d parameters, %d MACs, " + "int8 arena %d bytes",
                float32File.length,
                int8File.length,
                int8Size.parameters(),
                int8Size.macs(),
                int8Size.arenaBytes()));

        Evaluation<?> validation = classification
                ? validateClassification(result, features, classIds, sampleIds(rows), int8)
                : validateRegression(result, features, targets, int8);
        Int8Check int8Check = classification ? checkInt8(result, features, float32, int8) : null;
        ModelEvaluator.Outcome test = null;
        if (testing != null) {
            context.throwIfCancelled();
            test = classification
                    ? ModelEvaluator.classification(outputNames, float32, int8, testing.rows(), payload.threshold())
                    : ModelEvaluator.regression(outputNames, float32, int8, testing.rows());
            logTest(test);
        } else {
            context.log("No test set: test metrics are left out");
        }

        context.throwIfCancelled();
        String networkKey = folder.putJson(ModelArtifactKeys.TRAINED_NETWORK, result.network());
        String float32Key = folder.put(ModelArtifactKeys.FLOAT32_TFLITE, float32File);
        String int8Key = folder.put(ModelArtifactKeys.INT8_TFLITE, int8File);
        String predictionsKey = test == null ? null : folder.putJson(ModelArtifactKeys.PREDICTIONS, test.predictions());
        ModelMetrics metrics = new ModelMetrics(
                ModelKind.of(block.kind()),
                classification ? payload.threshold() : null,
                validation,
                test == null ? null : (Evaluation<?>) test.evaluation(),
                null,
                result.history(),
                result.bestEpoch(),
                result.stoppedEarly(),
                int8Check);
        String metricsKey = folder.putJson(ModelArtifactKeys.METRICS, metrics);
        context.progress(1.0);
        return new TrainJobResult(
                payload.modelId(),
                ModelKind.of(block.kind()),
                outputNames,
                payload.featureShape(),
                new ModelArtifacts(networkKey, float32Key, int8Key, null, metricsKey, predictionsKey),
                float32Size,
                int8Size,
                null,
                null,
                summary(validation, test));
    }

    /**
     * int8 against float32 on the validation windows (the training windows when there are none), logged; below the
     * threshold the log warns and says what to change.
     */
    private Int8Check checkInt8(TrainingResult result, float[][] features, ModelGraph float32, ModelGraph int8) {
        int[] indices = result.validationIndices().length > 0 ? result.validationIndices() : result.trainIndices();
        float[][] windows = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            windows[i] = features[indices[i]];
        }
        if (windows.length == 0) {
            return null;
        }
        Int8Check check = Int8Check.of(float32, int8, windows, Int8Check.DEFAULT_THRESHOLD);
        String on = result.validationIndices().length > 0 ? "validation" : "training";
        if (check.ok()) {
            context.log(String.format(
                    Locale.ROOT,
                    "int8 agrees with float32 on %.1f %% of %d %s windows",
                    100 * check.agreement(),
                    check.windows(),
                    on));
        } else {
            context.log("WARNING: " + check.warning() + " Suggested fix: " + check.suggestion());
        }
        return check;
    }

    private TrainingResult train(float[][] features, int[] classIds, float[] targets, List<String> outputNames) {
        Trainer.Builder builder = Trainer.builder()
                .setArchitecture(payload.learningBlock())
                .setHyperparameters(payload.hyperparameters())
                .setFeatures(features, payload.featureShape(), payload.featureKind())
                .optSetupListener((message, share) -> {
                    context.log(message);
                    context.progress(SETUP_START + (EPOCHS_START - SETUP_START) * share);
                })
                .optEpochListener(epoch -> {
                    context.log(epoch.toLogLine());
                    context.progress(EPOCHS_START
                            + (EPOCHS_END - EPOCHS_START) * Math.min(1.0, (double) epoch.epoch() / epoch.epochs()));
                })
                .optCancellation(context::isCancelRequested)
                .optCheckpoints(checkpoints, checkpointPolicy);
        if (classIds != null) {
            builder.setClassLabels(classIds, outputNames);
        } else {
            builder.setTargets(targets);
        }
        Trainer trainer;
        try {
            trainer = builder.build();
        } catch (ArchitectureViolation | HyperparameterViolation | IllegalArgumentException | IllegalStateException e) {
            throw new NonRetryableJobException(e.getMessage());
        }
        TrainingResult result;
        try {
            result = trainer.train();
        } catch (TrainingException e) {
            throw new NonRetryableJobException(e.getMessage());
        }
        if (result.classWeights() != null) {
            StringBuilder weights = new StringBuilder();
            for (int c = 0; c < result.classWeights().length; c++) {
                weights.append(c == 0 ? "" : ", ")
                        .append(outputNames.get(c))
                        .append(' ')
                        .append(String.format(Locale.ROOT, "%.2f", result.classWeights()[c]));
            }
            context.log("The classes are imbalanced, so each class's loss was weighted: " + weights);
        }
        context.log("Kept the weights of epoch " + result.bestEpoch() + " of "
                + result.history().size());
        return result;
    }

    private static int[] classIds(List<FeatureRow> rows, FeatureSetHeader header) {
        int[] ids = new int[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            // the file format guarantees every row's label is in the header's dictionary
            ids[i] = header.labelIndex(rows.get(i).label()).orElseThrow();
        }
        return ids;
    }

    private static String[] sampleIds(List<FeatureRow> rows) {
        return rows.stream().map(FeatureRow::sampleId).toArray(String[]::new);
    }

    private Evaluation<ClassificationReport> validateClassification(
            TrainingResult result, float[][] features, int[] classIds, String[] sampleIds, ModelGraph int8) {
        int[] indices = result.validationIndices();
        int[] actual = new int[indices.length];
        String[] samples = new String[indices.length];
        float[][] int8Outputs = new float[indices.length][];
        GraphPredictor predictor = new GraphPredictor(int8);
        int agreeing = 0;
        for (int i = 0; i < indices.length; i++) {
            actual[i] = classIds[indices[i]];
            samples[i] = sampleIds[indices[i]];
            int8Outputs[i] = predictor.predict(features[indices[i]]);
            agreeing += Prediction.classify(result.validationOutputs()[i], 0) == Prediction.classify(int8Outputs[i], 0)
                    ? 1
                    : 0;
        }
        ClassificationReport float32Report = ClassificationReport.of(
                actual, result.validationOutputs(), samples, result.outputNames(), payload.threshold());
        ClassificationReport int8Report =
                ClassificationReport.of(actual, int8Outputs, samples, result.outputNames(), payload.threshold());
        context.log(ReportLines.classification("Validation", float32Report, int8Report));
        return new Evaluation<>(
                indices.length,
                float32Report,
                int8Report,
                indices.length == 0 ? null : (double) agreeing / indices.length);
    }

    private Evaluation<RegressionReport> validateRegression(
            TrainingResult result, float[][] features, float[] targets, ModelGraph int8) {
        int[] indices = result.validationIndices();
        float[][] actual = new float[indices.length][];
        float[][] int8Outputs = new float[indices.length][];
        GraphPredictor predictor = new GraphPredictor(int8);
        for (int i = 0; i < indices.length; i++) {
            actual[i] = new float[] {targets[indices[i]]};
            int8Outputs[i] = predictor.predict(features[indices[i]]);
        }
        RegressionReport float32Report =
                RegressionReport.of(actual, result.validationOutputs(), RegressionTargets.NAMES);
        RegressionReport int8Report = RegressionReport.of(actual, int8Outputs, RegressionTargets.NAMES);
        context.log(String.format(
                Locale.ROOT,
                "Validation MAE %.4f, RMSE %.4f (int8 RMSE %.4f) on %d windows",
                float32Report.mae(),
                float32Report.rmse(),
                int8Report.rmse(),
                indices.length));
        return new Evaluation<>(indices.length, float32Report, int8Report, null);
    }

    private void logTest(ModelEvaluator.Outcome test) {
        Evaluation<?> evaluation = (Evaluation<?>) test.evaluation();
        if (evaluation.float32() instanceof ClassificationReport f
                && evaluation.int8() instanceof ClassificationReport q) {
            context.log(ReportLines.classification("Test", f, q));
            if (evaluation.int8Agreement() != null) {
                context.log(String.format(
                        Locale.ROOT,
                        "int8 gives the float32 class for %.1f %% of the test windows",
                        100 * evaluation.int8Agreement()));
            }
        } else if (evaluation.float32() instanceof RegressionReport f) {
            context.log(String.format(
                    Locale.ROOT, "Test MAE %.4f, RMSE %.4f on %d windows", f.mae(), f.rmse(), evaluation.windows()));
        }
        if (!evaluation.unknownLabels().isEmpty()) {
            context.log(evaluation.skippedWindows() + " test windows are not a class of this model (labels only the "
                    + "test set has: " + evaluation.unknownLabels() + "); they are predicted but not counted");
        } else if (evaluation.skippedWindows() > 0) {
            context.log(evaluation.skippedWindows() + " test windows have a label the model does not know; they are "
                    + "predicted but not counted");
        }
    }

    private static ModelSummary summary(Evaluation<?> validation, ModelEvaluator.Outcome test) {
        ModelSummary t = test == null ? ModelSummary.empty() : test.summary();
        if (validation.float32() instanceof ClassificationReport f) {
            ClassificationReport q = (ClassificationReport) validation.int8();
            return new ModelSummary(
                    f.accuracy(),
                    q == null ? null : q.accuracy(),
                    t.testAccuracy(),
                    t.int8TestAccuracy(),
                    t.int8Agreement(),
                    null,
                    null,
                    null,
                    f.uncertainRate(),
                    t.testUncertainRate(),
                    t.testSampleAccuracy());
        }
        RegressionReport f = (RegressionReport) validation.float32();
        return new ModelSummary(null, null, null, null, null, f.rmse(), t.testRmse(), null, null, null, null);
    }
}
