package dev.edgeforge.training.compress;

import static dev.edgeforge.core.learning.Activation.RELU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.stats.CompressionReport;
import dev.edgeforge.core.model.stats.ModelVariant;
import dev.edgeforge.core.synthetic.GestureDataset;
import dev.edgeforge.core.tflite.TfliteReader;
import dev.edgeforge.infra.job.NonRetryableJobException;
import dev.edgeforge.infra.storage.FileSystemObjectStore;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.infra.testing.RecordingJobContext;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.compress.CompressJobPayload;
import dev.edgeforge.jobs.compress.CompressJobResult;
import dev.edgeforge.jobs.compress.CompressionArtifactKeys;
import dev.edgeforge.jobs.compress.CompressionOptions;
import dev.edgeforge.jobs.compress.DistillationSettings;
import dev.edgeforge.jobs.compress.MagnitudePruningSettings;
import dev.edgeforge.jobs.compress.StructuredPruningSettings;
import dev.edgeforge.jobs.training.TrainJobPayload;
import dev.edgeforge.jobs.training.TrainJobResult;
import dev.edgeforge.training.job.TrainJobHandler;
import dev.edgeforge.training.trainer.TrainingCancelledException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compress job on a model the real train job made, with feature files in a filesystem object store: every variant
 * is written and readable, and the report shows real changes of size and accuracy.
 */
class CompressJobHandlerTest {

    private static final LearningBlock DENSE_24_12 =
            LearningBlock.classification(List.of(LayerSpec.dense(24, RELU), LayerSpec.dense(12, RELU)));
    private static final Hyperparameters TRAINING =
            Hyperparameters.defaults().withEpochs(15).withLearningRate(0.005);
    private static final TensorShape SHAPE = TensorShape.of(33);

    @TempDir
    static Path root;

    static ObjectStore store;
    static UUID projectId = UUID.randomUUID();
    static UUID modelId = UUID.randomUUID();
    static String trainingKey;
    static String testingKey;
    static TrainJobResult trained;

    @BeforeAll
    static void trainAModelWithTheTrainJob() throws Exception {
        store = new FileSystemObjectStore(root);
        trainingKey = put("train", GestureFeatureFiles.of(42, 6, 2, GestureDataset.CLASSIC));
        // other people than in training, so the accuracies say how well each variant generalizes
        testingKey = put("test", GestureFeatureFiles.of(7, 3, 1, GestureDataset.CLASSIC));
        RecordingJobContext train = new RecordingJobContext(
                projectId,
                TrainJobPayload.TYPE,
                JobJson.write(new TrainJobPayload(
                        modelId, 1, DENSE_24_12, TRAINING, trainingKey, testingKey, FeatureKind.FLAT, SHAPE, null)));
        new TrainJobHandler(store).run(train);
        trained = JobJson.mapper().readValue(train.resultJson(), TrainJobResult.class);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @Test
    void writesEveryVariantAndAReportWithRealSizeAndAccuracyChanges() throws Exception {
        CompressionOptions options = new CompressionOptions(
                new MagnitudePruningSettings(0.7),
                new StructuredPruningSettings(0.5),
                new DistillationSettings(List.of(LayerSpec.dense(6, RELU)), 4.0, 0.3, 30),
                8,
                0.003);
        RecordingJobContext context = context(payload(options), 1, () -> false);

        // on a thread of its own, as a job worker runs it: PyTorch's grad mode is per thread
        runOnNewThread(() -> new CompressJobHandler(store).run(context));

        CompressJobResult result = JobJson.mapper().readValue(context.resultJson(), CompressJobResult.class);
        CompressionReport report = result.report();
        print(report);
        assertThat(result.modelId()).isEqualTo(modelId);
        String run = "projects/" + projectId + "/models/" + modelId + "/compress-" + context.jobId() + "-1/";
        assertThat(result.runFolder()).isEqualTo(run);
        assertThat(result.reportKey()).isEqualTo(run + "compression-report.json");
        assertThat(report.variants())
                .extracting(ModelVariant::name)
                .containsExactly(
                        "float32",
                        "int8",
                        "magnitude-pruning",
                        "magnitude-pruning-int8",
                        "structured-pruning",
                        "structured-pruning-int8",
                        "distillation",
                        "distillation-int8");
        assertThat(result.variantKeys().keySet())
                .containsExactlyElementsOf(
                        report.variants().stream().map(ModelVariant::name).toList());
        assertThat(JobJson.mapper().readValue(bytes(result.reportKey()), CompressionReport.class))
                .isEqualTo(report);
        assertThat(report.classNames()).isEqualTo(trained.labels());
        assertThat(report.testSamples())
                .isEqualTo(FeatureSet.fromBytes(bytes(testingKey)).rows().size());

        for (ModelVariant variant : report.variants()) {
            String key = result.variantKeys().get(variant.name());
            assertThat(key).isEqualTo(run + "variants/" + variant.name() + ".tflite");
            byte[] file = bytes(key);
            assertThat(file.length).as(variant.name()).isEqualTo(variant.tfliteBytes());
            ModelGraph graph = new TfliteReader().read(file);
            assertThat(graph.inputTensor(0).type())
                    .as(variant.name())
                    .isEqualTo(variant.precision().equals("int8") ? DataType.INT8 : DataType.FLOAT32);
            assertThat(variant.testAccuracy()).as(variant.name()).isNotNull();
        }

        ModelVariant float32 = variant(report, "float32");
        ModelVariant int8 = variant(report, "int8");
        // the baseline is the trained model itself: the train job measured the same figures
        assertThat(float32.parameters()).isEqualTo(trained.float32().parameters());
        assertThat(float32.macs()).isEqualTo(33 * 24 + 24 * 12 + 12 * 4);
        // the train job counts windows below its 0.6 confidence threshold as wrong, the report takes the top class
        assertThat(float32.testAccuracy())
                .isGreaterThanOrEqualTo(trained.summary().testAccuracy());
        assertThat(float32.testAccuracy()).isGreaterThan(0.75);
        assertThat(int8.weightBytes()).isLessThan(float32.weightBytes() / 3);

        ModelVariant magnitude = variant(report, "magnitude-pruning");
        assertThat(float32.sparsity()).isLessThan(0.05);
        assertThat(magnitude.sparsity()).isGreaterThan(0.65);
        assertThat(magnitude.parameters()).isEqualTo(float32.parameters());

        for (String smaller : List.of("structured-pruning", "distillation")) {
            ModelVariant v = variant(report, smaller);
            assertThat(v.parameters()).as(smaller).isLessThan(float32.parameters() * 6 / 10);
            assertThat(v.weightBytes()).as(smaller).isLessThan(float32.weightBytes() * 6 / 10);
            assertThat(v.macs()).as(smaller).isLessThan(float32.macs() * 6 / 10);
            assertThat(variant(report, smaller + "-int8").weightBytes())
                    .as(smaller)
                    .isLessThan(int8.weightBytes() * 6 / 10);
        }
        for (ModelVariant v : report.variants()) {
            // smaller, not broken: every variant still tells the gestures apart
            assertThat(v.testAccuracy()).as(v.name()).isGreaterThan(0.7);
        }

        assertThat(context.lines())
                .contains(
                        "Stage 1/4: float32 and int8",
                        "Stage 2/4: magnitude pruning",
                        "Stage 3/4: structured pruning",
                        "Stage 4/4: distillation");
        assertThat(context.lines())
                .filteredOn(l -> l.startsWith("magnitude pruning: Epoch "))
                .hasSize(8);
        assertThat(context.lines())
                .filteredOn(l -> l.startsWith("distillation: Epoch "))
                .hasSize(30);
        assertThat(context.lines()).anyMatch(l -> l.startsWith("structured-pruning-int8: test accuracy "));
        assertThat(context.progressValues()).isSorted().last().isEqualTo(1.0);
    }

    @Test
    void withoutStagesTheReportComparesFloat32AndInt8AndTestWindowsOfUnknownClassesAreLeftOut() throws Exception {
        List<FeatureRow> rows =
                new ArrayList<>(FeatureSet.fromBytes(bytes(testingKey)).rows());
        int known = rows.size();
        FeatureRow unknown = rows.get(0);
        rows.add(new FeatureRow("other", 0, 0, "shake", unknown.features()));
        String testing = put(
                "test-extra",
                FeatureSet.of(
                        1, FeatureSet.fromBytes(bytes(testingKey)).header().layout(), rows));
        CompressJobPayload payload = new CompressJobPayload(
                modelId,
                trained.artifacts().network(),
                DENSE_24_12,
                TRAINING,
                trainingKey,
                testing,
                FeatureKind.FLAT,
                SHAPE,
                new CompressionOptions(null, null, null, null, null));
        RecordingJobContext context = context(payload, 2, () -> false);

        new CompressJobHandler(store).run(context);

        CompressJobResult result = JobJson.mapper().readValue(context.resultJson(), CompressJobResult.class);
        assertThat(result.report().variants()).extracting(ModelVariant::name).containsExactly("float32", "int8");
        assertThat(result.report().testSamples()).isEqualTo(known);
        assertThat(result.runFolder()).endsWith("/compress-" + context.jobId() + "-2/");
        assertThat(context.lines().get(0)).contains("1 test windows of classes the model does not know left out");
    }

    @Test
    void aStudentThatDoesNotFitTheFeaturesFailsAtOnceNamingTheLayer() {
        CompressionOptions options = new CompressionOptions(
                null,
                null,
                new DistillationSettings(List.of(LayerSpec.conv1d(4, 3, 1, null, RELU)), null, null, 2),
                null,
                null);
        RecordingJobContext context = context(payload(options), 1, () -> false);

        assertThatThrownBy(() -> new CompressJobHandler(store).run(context))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining("student")
                .hasMessageContaining("layer 0");
        assertThat(context.resultJson()).isNull();
    }

    @Test
    void badSettingsMissingFilesAndChangedLabelsAreReadableFailures() throws Exception {
        RecordingJobContext outOfRange = context(
                payload(new CompressionOptions(
                        new MagnitudePruningSettings(1.2), new StructuredPruningSettings(0), null, 0, null)),
                1,
                () -> false);
        assertThatThrownBy(() -> new CompressJobHandler(store).run(outOfRange))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining("magnitudePruning.targetSparsity must be above 0 and below 1, got 1.2")
                .hasMessageContaining("structuredPruning.fraction")
                .hasMessageContaining("fineTuneEpochs");

        CompressJobPayload noNetwork = new CompressJobPayload(
                modelId,
                "projects/x/models/y/train-1/trained-network.json",
                DENSE_24_12,
                TRAINING,
                trainingKey,
                null,
                FeatureKind.FLAT,
                SHAPE,
                quick());
        assertThatThrownBy(() -> new CompressJobHandler(store).run(context(noNetwork, 1, () -> false)))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining("missing");

        FeatureSet twoGestures =
                GestureFeatureFiles.of(3, 1, 1, EnumSet.of(GestureDataset.Gesture.IDLE, GestureDataset.Gesture.SNAKE));
        String relabelled = put("relabelled", twoGestures);
        CompressJobPayload changedLabels = new CompressJobPayload(
                modelId,
                trained.artifacts().network(),
                DENSE_24_12,
                TRAINING,
                relabelled,
                null,
                FeatureKind.FLAT,
                SHAPE,
                quick());
        assertThatThrownBy(() -> new CompressJobHandler(store).run(context(changedLabels, 1, () -> false)))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining("a class the model was not trained on")
                .hasMessageContaining("train the model again");

        CompressJobPayload regression = new CompressJobPayload(
                modelId,
                trained.artifacts().network(),
                LearningBlock.regression(DENSE_24_12.layers()),
                TRAINING,
                trainingKey,
                null,
                FeatureKind.FLAT,
                SHAPE,
                quick());
        assertThatThrownBy(() -> new CompressJobHandler(store).run(context(regression, 1, () -> false)))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining("only classification models can be compressed");
    }

    @Test
    void cancelStopsDuringFineTuningAndWritesNoReport() {
        AtomicInteger epochs = new AtomicInteger();
        CompressionOptions options = new CompressionOptions(new MagnitudePruningSettings(0.5), null, null, 200, null);
        RecordingJobContext context = context(payload(options), 1, () -> epochs.get() >= 2)
                .onLog(line -> {
                    if (line.startsWith("magnitude pruning: Epoch ")) {
                        epochs.incrementAndGet();
                    }
                });

        assertThatThrownBy(() -> new CompressJobHandler(store).run(context))
                .isInstanceOf(TrainingCancelledException.class);
        assertThat(epochs.get()).isEqualTo(2);
        assertThat(context.resultJson()).isNull();
        String run = CompressionArtifactKeys.run(projectId, modelId, context.jobId(), 1);
        assertThat(store.list(run).toList()).isEmpty();
    }

    private static void runOnNewThread(Runnable work) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            thread.submit(work).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            thread.shutdownNow();
        }
    }

    private static CompressionOptions quick() {
        return new CompressionOptions(null, new StructuredPruningSettings(0.5), null, 1, null);
    }

    private static CompressJobPayload payload(CompressionOptions options) {
        return new CompressJobPayload(
                modelId,
                trained.artifacts().network(),
                DENSE_24_12,
                TRAINING,
                trainingKey,
                testingKey,
                FeatureKind.FLAT,
                SHAPE,
                options);
    }

    private static RecordingJobContext context(CompressJobPayload payload, int attempt, BooleanSupplier cancelled) {
        return new RecordingJobContext(projectId, CompressJobPayload.TYPE, JobJson.write(payload))
                .attempt(attempt, 3)
                .cancelWhen(c -> cancelled.getAsBoolean());
    }

    private static ModelVariant variant(CompressionReport report, String name) {
        return report.variant(name).orElseThrow();
    }

    private static String put(String name, FeatureSet set) {
        String key = "projects/" + projectId + "/features/1/" + name + ".effs";
        store.put(key, set.toBytes());
        return key;
    }

    private static byte[] bytes(String key) throws IOException {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }

    private static void print(CompressionReport report) {
        System.out.printf(
                Locale.ROOT,
                "%-24s %9s %7s %9s %8s %7s %8s %8s%n",
                "variant",
                "accuracy",
                "params",
                "weight B",
                "sparsity",
                "MACs",
                "act. LB",
                "tflite B");
        for (ModelVariant v : report.variants()) {
            System.out.printf(
                    Locale.ROOT,
                    "%-24s %8.2f%% %7d %9d %7.1f%% %7d %8d %8d%n",
                    v.name(),
                    100 * v.testAccuracy(),
                    v.parameters(),
                    v.weightBytes(),
                    100 * v.sparsity(),
                    v.macs(),
                    v.activationLowerBound(),
                    v.tfliteBytes());
        }
    }
}
