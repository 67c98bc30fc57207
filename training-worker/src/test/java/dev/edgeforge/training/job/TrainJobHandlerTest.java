package dev.edgeforge.training.job;

import static dev.edgeforge.core.learning.Activation.RELU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.dsp.FeatureShape;
import dev.edgeforge.core.feature.FeatureLayout;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.feature.FeatureSetHeader;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.GmmSettings;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.KMeansSettings;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.LearningRateSchedule;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.TrainedNetwork;
import dev.edgeforge.core.learning.anomaly.AnomalyEvaluation;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.synthetic.GestureDataset.Gesture;
import dev.edgeforge.core.tflite.TfliteReader;
import dev.edgeforge.infra.job.NonRetryableJobException;
import dev.edgeforge.infra.storage.FileSystemObjectStore;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.infra.testing.RecordingJobContext;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.training.ModelArtifactKeys;
import dev.edgeforge.jobs.training.ModelKind;
import dev.edgeforge.jobs.training.Predictions;
import dev.edgeforge.jobs.training.TestJobPayload;
import dev.edgeforge.jobs.training.TestJobResult;
import dev.edgeforge.jobs.training.TrainJobPayload;
import dev.edgeforge.jobs.training.TrainJobResult;
import dev.edgeforge.training.trainer.CheckpointPolicy;
import dev.edgeforge.training.trainer.TrainingCancelledException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The train and test jobs on real feature files in a filesystem object store, without a queue. */
class TrainJobHandlerTest {

    private static final LearningBlock DENSE_20_10 =
            LearningBlock.classification(List.of(LayerSpec.dense(20, RELU), LayerSpec.dense(10, RELU)));
    private static final Hyperparameters FAST =
            Hyperparameters.defaults().withEpochs(12).withLearningRate(0.005);
    private static final TensorShape SHAPE = TensorShape.of(33);
    /** The project of every job here: the attempts of one job share it. */
    private static final UUID PROJECT = UUID.randomUUID();

    @TempDir
    Path root;

    ObjectStore store;

    @BeforeEach
    void setUp() {
        store = new FileSystemObjectStore(root);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void trainsAClassifierWithFloat32AndInt8FilesMetricsAndPredictions() throws Exception {
        String training = put("train", GestureFeatures.classic(42, 3, 2));
        String testing = put("test", GestureFeatures.classic(7, 2, 1));
        UUID modelId = UUID.randomUUID();
        RecordingJobContext context = context(
                TrainJobPayload.TYPE,
                new TrainJobPayload(modelId, 1, DENSE_20_10, FAST, training, testing, FeatureKind.FLAT, SHAPE, null),
                2,
                () -> false);

        new TrainJobHandler(store).run(context);

        TrainJobResult result = JobJson.mapper().readValue(context.resultJson(), TrainJobResult.class);
        assertThat(result.modelId()).isEqualTo(modelId);
        assertThat(result.kind()).isEqualTo(ModelKind.CLASSIFICATION);
        assertThat(result.labels()).containsExactly("circle", "idle", "updown", "wave");
        String run = ModelArtifactKeys.trainRun(context.projectId(), modelId, 2);
        assertThat(result.artifacts().keys()).hasSize(5).allSatisfy(key -> {
            assertThat(key).startsWith(run);
            assertThat(store.exists(key)).as(key).isTrue();
        });
        assertThat(context.lines())
                .filteredOn(line -> line.startsWith("Epoch "))
                .hasSize(12)
                .first()
                .asString()
                .startsWith("Epoch 1/12: loss ");
        assertThat(context.progressValues()).isSorted().last().isEqualTo(1.0);
        // issue #19: no silent minute before the first epoch
        List<String> beforeFirstEpoch = context.lines()
                .subList(
                        0,
                        context.lines()
                                .indexOf(context.lines().stream()
                                        .filter(line -> line.startsWith("Epoch 1/12"))
                                        .findFirst()
                                        .orElseThrow()));
        assertThat(beforeFirstEpoch)
                .anyMatch(line -> line.equals("Loading the training features"))
                .anyMatch(line -> line.matches("Loaded \\d+ training windows of 33 features in [0-9.]+ s"))
                .anyMatch(line -> line.matches("Loaded \\d+ test windows in [0-9.]+ s"))
                .anyMatch(line -> line.equals("Loading the PyTorch engine"))
                .anyMatch(line -> line.startsWith("Building the network: 3 layers on input [33]"))
                .anyMatch(line -> line.startsWith("Network ready"))
                .anyMatch(line -> line.matches("First epoch: (\\d+) of \\1 batches"));
        assertThat(context.progressValues().get(0)).isZero();
        assertThat(context.progressValues()).filteredOn(p -> p > 0 && p <= 0.05).hasSizeGreaterThan(3);

        ModelGraph float32 = new TfliteReader().read(bytes(result.artifacts().float32()));
        ModelGraph int8 = new TfliteReader().read(bytes(result.artifacts().int8()));
        assertThat(float32.inputTensor(0).type()).isEqualTo(DataType.FLOAT32);
        assertThat(int8.inputTensor(0).type()).isEqualTo(DataType.INT8);
        assertThat(result.int8().fileBytes()).isEqualTo(bytes(result.artifacts().int8()).length);
        assertThat(result.int8().parameters()).isEqualTo(33 * 20 + 20 + 20 * 10 + 10 + 10 * 4 + 4);
        assertThat(result.int8().macs()).isEqualTo(33 * 20 + 20 * 10 + 10 * 4);
        assertThat(result.int8().fileBytes()).isLessThan(result.float32().fileBytes());
        TrainedNetwork network =
                JobJson.mapper().readValue(bytes(result.artifacts().network()), TrainedNetwork.class);
        assertThat(network.outputNames()).isEqualTo(result.labels());

        JsonNode metrics = JobJson.mapper().readTree(bytes(result.artifacts().metrics()));
        assertThat(metrics.path("kind").asString()).isEqualTo("classification");
        assertThat(metrics.path("history").size()).isEqualTo(12);
        double validationAccuracy =
                metrics.path("validation").path("float32").path("accuracy").asDouble();
        assertThat(validationAccuracy).isGreaterThan(0.7);
        assertThat(metrics.path("validation").path("int8").path("accuracy").asDouble())
                .isCloseTo(validationAccuracy, Offset.offset(0.1));
        JsonNode test = metrics.path("test");
        assertThat(test.path("windows").asInt()).isPositive();
        assertThat(test.path("float32").path("confusionMatrix").size()).isEqualTo(4);
        assertThat(test.path("int8Agreement").asDouble()).isGreaterThan(0.85);
        JsonNode int8Check = metrics.path("int8Check");
        assertThat(int8Check.path("windows").asInt())
                .isEqualTo(metrics.path("validation").path("windows").asInt());
        assertThat(int8Check.path("agreement").asDouble()).isBetween(0.0, 1.0);
        assertThat(int8Check.path("threshold").asDouble()).isEqualTo(0.98);
        String checkLine =
                int8Check.path("agreement").asDouble() >= 0.98 ? "int8 agrees with float32 on " : "WARNING: ";
        assertThat(context.lines()).anyMatch(line -> line.startsWith(checkLine));
        assertThat(result.summary().testAccuracy())
                .isEqualTo(test.path("float32").path("accuracy").asDouble());
        // the list's figures are the model page's (#12): the float32 report's uncertain rate and per-sample accuracy
        assertThat(result.summary().testUncertainRate())
                .isEqualTo(test.path("float32").path("uncertainRate").asDouble());
        assertThat(result.summary().testSampleAccuracy())
                .isEqualTo(
                        test.path("float32").path("sampleVote").path("accuracy").asDouble());
        assertThat(result.summary().validationUncertainRate())
                .isEqualTo(metrics.path("validation")
                        .path("float32")
                        .path("uncertainRate")
                        .asDouble());

        Predictions predictions =
                JobJson.mapper().readValue(bytes(result.artifacts().predictions()), Predictions.class);
        assertThat(predictions.rows()).hasSize(test.path("windows").asInt());
        assertThat(predictions.rows().get(0).float32()).hasSize(4);
        assertThat(predictions.rows().get(0).int8()).hasSize(4);
    }

    @Test
    void aRetriedAttemptWritesIntoAFolderOfItsOwn() throws Exception {
        String training =
                put("train", GestureFeatures.of(1, 2, 1, GestureFeatures.gestures(Gesture.IDLE, Gesture.WAVE)));
        TrainJobPayload payload = new TrainJobPayload(
                UUID.randomUUID(), 1, DENSE_20_10, FAST.withEpochs(2), training, null, FeatureKind.FLAT, SHAPE, null);
        RecordingJobContext first = context(TrainJobPayload.TYPE, payload, 1, () -> false);
        new TrainJobHandler(store).run(first);
        TrainJobResult result = JobJson.mapper().readValue(first.resultJson(), TrainJobResult.class);

        assertThat(result.artifacts().predictions()).isNull();
        assertThat(result.artifacts().int8()).contains("/train-1/");
        assertThat(result.summary().testAccuracy()).isNull();
    }

    @Test
    void aLaterAttemptResumesFromTheLastCheckpointAndTrainsTheRequestedEpochsInTotal() throws Exception {
        String training =
                put("resume", GestureFeatures.of(3, 2, 1, GestureFeatures.gestures(Gesture.IDLE, Gesture.WAVE)));
        TrainJobPayload payload = new TrainJobPayload(
                UUID.randomUUID(), 1, DENSE_20_10, FAST.withEpochs(8), training, null, FeatureKind.FLAT, SHAPE, null);
        TrainJobHandler handler = new TrainJobHandler(store, new CheckpointPolicy(2, Duration.ZERO));
        UUID jobId = UUID.randomUUID();
        String key = ModelArtifactKeys.trainCheckpoint(PROJECT, payload.modelId(), jobId);
        // attempt 1 dies (its worker stops) once its checkpoint after epoch 4 is stored
        RecordingJobContext first = context(TrainJobPayload.TYPE, payload, 1, () -> false)
                .job(jobId)
                .cancelWhen(c -> c.lines().stream().anyMatch(l -> l.startsWith("Checkpoint saved after epoch 4 (")));
        assertThatThrownBy(() -> handler.run(first)).isInstanceOf(TrainingCancelledException.class);
        assertThat(epochNumbers(first)).containsExactly(1, 2, 3, 4);
        assertThat(first.lines()).anyMatch(l -> l.startsWith("Checkpoint saved after epoch 2 ("));
        assertThat(store.exists(key)).isTrue();

        RecordingJobContext second =
                context(TrainJobPayload.TYPE, payload, 2, () -> false).job(jobId);
        handler.run(second);

        assertThat(second.lines()).contains("Attempt 2 on this worker resumes at epoch 5 (checkpoint of attempt 1)");
        assertThat(epochNumbers(second)).containsExactly(5, 6, 7, 8);
        TrainJobResult result = JobJson.mapper().readValue(second.resultJson(), TrainJobResult.class);
        JsonNode history =
                JobJson.mapper().readTree(bytes(result.artifacts().metrics())).path("history");
        assertThat(history.size()).isEqualTo(8);
        for (int i = 0; i < 8; i++) {
            assertThat(history.get(i).path("epoch").asInt()).isEqualTo(i + 1);
        }
        assertThat(result.summary().validationAccuracy()).isGreaterThan(0.5);
        assertThat(store.exists(key))
                .as("the ended job's checkpoint is removed")
                .isFalse();
    }

    @Test
    void aDamagedOrForeignCheckpointIsIgnoredAndTrainingStartsAtEpochOne() throws Exception {
        String training =
                put("ignore", GestureFeatures.of(3, 2, 1, GestureFeatures.gestures(Gesture.IDLE, Gesture.WAVE)));
        TrainJobPayload payload = new TrainJobPayload(
                UUID.randomUUID(), 1, DENSE_20_10, FAST.withEpochs(4), training, null, FeatureKind.FLAT, SHAPE, null);
        TrainJobHandler handler = new TrainJobHandler(store, new CheckpointPolicy(1, Duration.ZERO));

        UUID damagedJob = UUID.randomUUID();
        store.put(ModelArtifactKeys.trainCheckpoint(PROJECT, payload.modelId(), damagedJob), new byte[] {
            0, 0, 0, 1, 'n', 'o', 't', ' ', 'a', ' ', 'c', 'h', 'e', 'c', 'k', 'p', 'o', 'i', 'n', 't'
        });
        RecordingJobContext damaged =
                context(TrainJobPayload.TYPE, payload, 2, () -> false).job(damagedJob);
        handler.run(damaged);
        assertThat(damaged.lines())
                .anyMatch(l -> l.startsWith("Ignoring the checkpoint of attempt 1: it cannot be read (")
                        && l.endsWith("; training starts at epoch 1"));
        assertThat(epochNumbers(damaged)).containsExactly(1, 2, 3, 4);

        // attempt 1 of another architecture leaves a checkpoint after epoch 2; the job's payload then differs
        UUID foreignJob = UUID.randomUUID();
        TrainJobPayload other = new TrainJobPayload(
                payload.modelId(),
                1,
                LearningBlock.classification(List.of(LayerSpec.dense(12, RELU))),
                FAST.withEpochs(4),
                training,
                null,
                FeatureKind.FLAT,
                SHAPE,
                null);
        RecordingJobContext first = context(TrainJobPayload.TYPE, other, 1, () -> false)
                .job(foreignJob)
                .cancelWhen(c -> c.lines().stream().anyMatch(l -> l.startsWith("Checkpoint saved after epoch 2 (")));
        assertThatThrownBy(() -> handler.run(first)).isInstanceOf(TrainingCancelledException.class);
        RecordingJobContext second =
                context(TrainJobPayload.TYPE, payload, 2, () -> false).job(foreignJob);
        handler.run(second);
        assertThat(second.lines())
                .contains("Ignoring the checkpoint of attempt 1: it was saved by a training of another network, data"
                        + " or hyperparameters; training starts at epoch 1");
        assertThat(epochNumbers(second)).containsExactly(1, 2, 3, 4);
    }

    private static List<Integer> epochNumbers(RecordingJobContext context) {
        return context.lines().stream()
                .filter(l -> l.startsWith("Epoch "))
                .map(l -> Integer.parseInt(l.substring("Epoch ".length(), l.indexOf('/'))))
                .toList();
    }

    @Test
    void anEmptyClassEndsTheJobWithAReadableError() throws Exception {
        FeatureSet twoClasses = GestureFeatures.of(3, 2, 1, GestureFeatures.gestures(Gesture.IDLE, Gesture.WAVE));
        List<String> labels = List.of("idle", "wave", "circle");
        FeatureSet withEmptyClass = new FeatureSet(
                new FeatureSetHeader(
                        1,
                        twoClasses.header().layout(),
                        labels,
                        twoClasses.rows().size()),
                twoClasses.rows());
        String training = put("empty", withEmptyClass);
        RecordingJobContext context = context(
                TrainJobPayload.TYPE,
                new TrainJobPayload(
                        UUID.randomUUID(), 1, DENSE_20_10, FAST, training, null, FeatureKind.FLAT, SHAPE, null),
                1,
                () -> false);

        assertThatThrownBy(() -> new TrainJobHandler(store).run(context))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining("circle");
        assertThat(context.resultJson()).isNull();
    }

    @Test
    void missingFeaturesAndAWrongShapeAreReadableFailures() throws Exception {
        RecordingJobContext missing = context(
                TrainJobPayload.TYPE,
                new TrainJobPayload(
                        UUID.randomUUID(),
                        1,
                        DENSE_20_10,
                        FAST,
                        "projects/x/features/1/none.effs",
                        null,
                        FeatureKind.FLAT,
                        SHAPE,
                        null),
                1,
                () -> false);
        assertThatThrownBy(() -> new TrainJobHandler(store).run(missing))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining("missing");

        String training =
                put("shape", GestureFeatures.of(3, 1, 1, GestureFeatures.gestures(Gesture.IDLE, Gesture.WAVE)));
        RecordingJobContext wrongShape = context(
                TrainJobPayload.TYPE,
                new TrainJobPayload(
                        UUID.randomUUID(),
                        1,
                        DENSE_20_10,
                        FAST,
                        training,
                        null,
                        FeatureKind.FLAT,
                        TensorShape.of(34),
                        null),
                1,
                () -> false);
        assertThatThrownBy(() -> new TrainJobHandler(store).run(wrongShape))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining("33 values per window");

        RecordingJobContext badLayers = context(
                TrainJobPayload.TYPE,
                new TrainJobPayload(
                        UUID.randomUUID(),
                        1,
                        LearningBlock.classification(List.of(LayerSpec.conv1d(8, 3, 1, null, RELU))),
                        FAST,
                        training,
                        null,
                        FeatureKind.FLAT,
                        SHAPE,
                        null),
                1,
                () -> false);
        assertThatThrownBy(() -> new TrainJobHandler(store).run(badLayers))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining("layer 0");
    }

    @Test
    void aDivergingLossAndTooFewWindowsAreReadableFailures() throws Exception {
        FeatureSet gestures = GestureFeatures.of(8, 1, 1, GestureFeatures.gestures(Gesture.IDLE, Gesture.WAVE));
        String training = put("diverge", gestures);
        RecordingJobContext diverging = context(
                TrainJobPayload.TYPE,
                new TrainJobPayload(
                        UUID.randomUUID(),
                        1,
                        DENSE_20_10,
                        FAST.withEpochs(50).withLearningRate(1e10),
                        training,
                        null,
                        FeatureKind.FLAT,
                        SHAPE,
                        null),
                1,
                () -> false);
        assertThatThrownBy(() -> new TrainJobHandler(store).run(diverging))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageStartingWith("Training diverged");

        String tiny = put(
                "tiny",
                FeatureSet.of(
                        1,
                        gestures.header().layout(),
                        List.of(
                                gestures.rows().get(0),
                                gestures.rows().get(gestures.rows().size() - 1))));
        RecordingJobContext tooFew = context(
                TrainJobPayload.TYPE,
                new TrainJobPayload(UUID.randomUUID(), 1, DENSE_20_10, FAST, tiny, null, FeatureKind.FLAT, SHAPE, null),
                1,
                () -> false);
        assertThatThrownBy(() -> new TrainJobHandler(store).run(tooFew))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining("Add samples");
    }

    @Test
    void cancelStopsTrainingWithinAnEpoch() throws Exception {
        String training =
                put("cancel", GestureFeatures.of(5, 2, 1, GestureFeatures.gestures(Gesture.IDLE, Gesture.WAVE)));
        AtomicInteger epochs = new AtomicInteger();
        RecordingJobContext context = context(
                        TrainJobPayload.TYPE,
                        new TrainJobPayload(
                                UUID.randomUUID(),
                                1,
                                DENSE_20_10,
                                FAST.withEpochs(500).withBatchSize(4),
                                training,
                                null,
                                FeatureKind.FLAT,
                                SHAPE,
                                null),
                        1,
                        () -> epochs.get() >= 2)
                .onLog(line -> {
                    if (line.startsWith("Epoch ")) {
                        epochs.incrementAndGet();
                    }
                });

        assertThatThrownBy(() -> new TrainJobHandler(store).run(context))
                .isInstanceOf(TrainingCancelledException.class);
        assertThat(epochs.get()).isEqualTo(2);
        assertThat(context.resultJson()).isNull();
    }

    @Test
    void trainsARegressionNetworkOnNumericLabels() throws Exception {
        Random random = new Random(11);
        List<FeatureRow> rows = new ArrayList<>();
        List<FeatureRow> testRows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            float[] x = {random.nextFloat(), random.nextFloat(), random.nextFloat(), random.nextFloat()};
            float y = 2 * x[0] - x[1] + 0.5f * x[2] + 1;
            (i < 320 ? rows : testRows).add(new FeatureRow("s" + i, 0, 0, Float.toString(y), x));
        }
        FeatureLayout layout =
                new FeatureLayout(List.of(new FeatureLayout.Block(1, "Raw", "raw", FeatureShape.of(4), 0)));
        String training = put("regression", FeatureSet.of(1, layout, rows));
        String testing = put("regression-test", FeatureSet.of(1, layout, testRows));
        RecordingJobContext context = context(
                TrainJobPayload.TYPE,
                new TrainJobPayload(
                        UUID.randomUUID(),
                        1,
                        LearningBlock.regression(List.of(LayerSpec.dense(16, RELU))),
                        // decaying: at a constant 0.01 the last epoch's weights depend on PyTorch's thread count
                        Hyperparameters.defaults()
                                .withEpochs(40)
                                .withLearningRate(0.01)
                                .withSchedule(new LearningRateSchedule.Cosine(0.0, 1e-4)),
                        training,
                        testing,
                        FeatureKind.FLAT,
                        TensorShape.of(4),
                        null),
                1,
                () -> false);

        new TrainJobHandler(store).run(context);

        TrainJobResult result = JobJson.mapper().readValue(context.resultJson(), TrainJobResult.class);
        assertThat(result.kind()).isEqualTo(ModelKind.REGRESSION);
        assertThat(result.labels()).containsExactly("value");
        // targets spread over about 2.5; a network that learned nothing would be near 0.6
        assertThat(result.summary().validationRmse()).isLessThan(0.25);
        assertThat(result.summary().testRmse()).isLessThan(0.25);
        assertThat(store.exists(result.artifacts().int8())).isTrue();

        FeatureSet wordLabels =
                FeatureSet.of(1, layout, List.of(new FeatureRow("s1", 0, 0, "warm", new float[] {1, 2, 3, 4})));
        String bad = put("regression-words", wordLabels);
        RecordingJobContext words = context(
                TrainJobPayload.TYPE,
                new TrainJobPayload(
                        UUID.randomUUID(),
                        1,
                        LearningBlock.regression(List.of(LayerSpec.dense(16, RELU))),
                        Hyperparameters.defaults(),
                        bad,
                        null,
                        FeatureKind.FLAT,
                        TensorShape.of(4),
                        null),
                1,
                () -> false);
        assertThatThrownBy(() -> new TrainJobHandler(store).run(words))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining("'warm'");
    }

    @Test
    void trainsKMeansAnomalyDetectionAndScoresUnknownGesturesAsAnomalies() throws Exception {
        String training =
                put("normal", GestureFeatures.of(21, 3, 2, GestureFeatures.gestures(Gesture.IDLE, Gesture.WAVE)));
        String testing = put(
                "mixed",
                GestureFeatures.of(22, 2, 1, GestureFeatures.gestures(Gesture.IDLE, Gesture.WAVE, Gesture.UPDOWN)));
        RecordingJobContext context = context(
                TrainJobPayload.TYPE,
                new TrainJobPayload(
                        UUID.randomUUID(),
                        1,
                        LearningBlock.anomalyKMeans(new KMeansSettings(8, 100, true)),
                        null,
                        training,
                        testing,
                        FeatureKind.FLAT,
                        SHAPE,
                        null),
                1,
                () -> false);

        new TrainJobHandler(store).run(context);

        TrainJobResult result = JobJson.mapper().readValue(context.resultJson(), TrainJobResult.class);
        assertThat(result.kind()).isEqualTo(ModelKind.ANOMALY);
        assertThat(result.artifacts().float32()).isNull();
        assertThat(result.int8UnavailableReason()).contains("K-means");
        assertThat(result.anomalyThreshold()).isPositive();
        assertThat(result.summary().testAuc()).isGreaterThan(0.8);
        JsonNode metrics = JobJson.mapper().readTree(bytes(result.artifacts().metrics()));
        assertThat(metrics.path("anomaly").path("clusters").asInt()).isEqualTo(8);
        assertThat(metrics.path("anomaly").path("test").path("anomalies").asInt())
                .isPositive();

        // the test job scores the same set again from the stored K-means model
        RecordingJobContext retest = context(
                TestJobPayload.TYPE,
                new TestJobPayload(
                        result.modelId(),
                        ModelKind.ANOMALY,
                        result.labels(),
                        testing,
                        result.artifacts(),
                        null,
                        result.anomalyThreshold()),
                1,
                () -> false);
        new TestJobHandler(store).run(retest);
        TestJobResult tested = JobJson.mapper().readValue(retest.resultJson(), TestJobResult.class);
        assertThat(tested.summary().testAuc()).isEqualTo(result.summary().testAuc());
    }

    /**
     * Issue #19: the feature files share one label dictionary, so the training file also lists the test set's anomaly
     * label. It was taken as a training label: "0 known anomalies, AUC null", every detection a false positive, and
     * the model listed a label it was never trained on.
     */
    @Test
    void anomalyLabelsOfTheTestSetInTheSharedDictionaryAreNotTrainingLabels() throws Exception {
        FeatureSet normal = GestureFeatures.of(21, 3, 2, GestureFeatures.gestures(Gesture.IDLE, Gesture.WAVE));
        FeatureSet mixed =
                GestureFeatures.of(22, 2, 1, GestureFeatures.gestures(Gesture.IDLE, Gesture.WAVE, Gesture.UPDOWN));
        List<String> dictionary = List.of("idle", "updown", "wave");
        String training = put("normal-shared", withDictionary(normal, dictionary));
        String testing = put("mixed-shared", withDictionary(mixed, dictionary));
        RecordingJobContext context = context(
                TrainJobPayload.TYPE,
                new TrainJobPayload(
                        UUID.randomUUID(),
                        1,
                        LearningBlock.anomalyKMeans(new KMeansSettings(8, 100, true)),
                        null,
                        training,
                        testing,
                        FeatureKind.FLAT,
                        SHAPE,
                        null),
                1,
                () -> false);

        new TrainJobHandler(store).run(context);

        TrainJobResult result = JobJson.mapper().readValue(context.resultJson(), TrainJobResult.class);
        assertThat(result.labels()).containsExactly("idle", "wave");
        assertThat(result.summary().testAuc()).isNotNull().isGreaterThan(0.8);
        JsonNode test = JobJson.mapper()
                .readTree(bytes(result.artifacts().metrics()))
                .path("anomaly")
                .path("test");
        long updown =
                mixed.rows().stream().filter(r -> r.label().equals("updown")).count();
        assertThat(test.path("anomalies").asLong()).isEqualTo(updown);
        JsonNode confusion = test.path("confusion");
        assertThat(confusion.path("truePositives").asInt()
                        + confusion.path("falseNegatives").asInt())
                .isEqualTo((int) updown);
        // a missed anomaly counts against the accuracy
        assertThat(confusion.path("accuracy").asDouble())
                .isEqualTo((double) (confusion.path("truePositives").asInt()
                                + confusion.path("trueNegatives").asInt())
                        / mixed.rows().size());
        assertThat(test.path("sampleAuc").asDouble()).isGreaterThan(0.8);
        assertThat(test.path("roc").size()).isGreaterThan(2);
        assertThat(test.path("histogram").path("edges").size()).isEqualTo(AnomalyEvaluation.HISTOGRAM_BINS + 1);
        // the start line follows the feature-loading lines (issue #19: no silent first seconds)
        assertThat(context.lines().stream()
                        .filter(line -> line.startsWith("Training "))
                        .findFirst()
                        .orElseThrow())
                .startsWith("Training an anomaly model (K-means, 8 clusters) on ")
                .contains("normal labels: idle, wave");
        assertThat(context.log()).contains("known anomalies (labels other than 'idle', 'wave')");
    }

    @Test
    void normalLabelsChooseWhatIsLearntAndAGaussianMixtureScoresTheRestAsAnomalies() throws Exception {
        // the training set holds all three gestures; only idle is normal, so wave and updown are the anomalies
        String training = put(
                "all",
                GestureFeatures.of(21, 3, 2, GestureFeatures.gestures(Gesture.IDLE, Gesture.WAVE, Gesture.UPDOWN)));
        FeatureSet mixed =
                GestureFeatures.of(22, 2, 1, GestureFeatures.gestures(Gesture.IDLE, Gesture.WAVE, Gesture.UPDOWN));
        String testing = put("mixed", mixed);
        RecordingJobContext context = context(
                TrainJobPayload.TYPE,
                new TrainJobPayload(
                        UUID.randomUUID(),
                        1,
                        LearningBlock.anomalyGmm(new GmmSettings(3, 100, true)).withNormalLabels(List.of("idle")),
                        null,
                        training,
                        testing,
                        FeatureKind.FLAT,
                        SHAPE,
                        null),
                1,
                () -> false);

        new TrainJobHandler(store).run(context);

        TrainJobResult result = JobJson.mapper().readValue(context.resultJson(), TrainJobResult.class);
        assertThat(result.labels()).containsExactly("idle");
        assertThat(result.summary().testAuc()).isGreaterThan(0.8);
        JsonNode anomaly =
                JobJson.mapper().readTree(bytes(result.artifacts().metrics())).path("anomaly");
        assertThat(anomaly.path("components").asInt()).isEqualTo(3);
        assertThat(anomaly.path("test").path("anomalies").asLong())
                .isEqualTo(mixed.rows().stream()
                        .filter(r -> !r.label().equals("idle"))
                        .count());
        assertThat(context.log()).contains("Leaving out").contains("labelled 'wave'");
        assertThat(JobJson.mapper()
                        .readTree(bytes(result.artifacts().kmeans()))
                        .path("type")
                        .asString())
                .isEqualTo("gmm");

        // the test job reads the stored mixture back and gets the same figures
        RecordingJobContext retest = context(
                TestJobPayload.TYPE,
                new TestJobPayload(
                        result.modelId(),
                        ModelKind.ANOMALY,
                        result.labels(),
                        testing,
                        result.artifacts(),
                        null,
                        result.anomalyThreshold()),
                1,
                () -> false);
        new TestJobHandler(store).run(retest);
        TestJobResult tested = JobJson.mapper().readValue(retest.resultJson(), TestJobResult.class);
        assertThat(tested.summary().testAuc()).isEqualTo(result.summary().testAuc());
    }

    @Test
    void aNormalLabelWithoutTrainingWindowsIsAReadableFailure() {
        String training = put("normal-only", GestureFeatures.of(21, 1, 1, GestureFeatures.gestures(Gesture.IDLE)));
        RecordingJobContext context = context(
                TrainJobPayload.TYPE,
                new TrainJobPayload(
                        UUID.randomUUID(),
                        1,
                        LearningBlock.anomalyKMeans(new KMeansSettings(2, 100, true))
                                .withNormalLabels(List.of("idle", "hum")),
                        null,
                        training,
                        null,
                        FeatureKind.FLAT,
                        SHAPE,
                        null),
                1,
                () -> false);
        assertThatThrownBy(() -> new TrainJobHandler(store).run(context))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessage("The normal label 'hum' has no training windows; the training set has 'idle'.");
    }

    private static FeatureSet withDictionary(FeatureSet set, List<String> dictionary) {
        return new FeatureSet(
                new FeatureSetHeader(
                        set.header().impulseVersion(),
                        set.header().layout(),
                        dictionary,
                        set.rows().size()),
                set.rows());
    }

    /**
     * Issue #18: a label only the test set has (a Studio export's "unknown") is no class of the model. Training runs on
     * the training labels; the test windows with that label are predicted and listed, counted per label as "not a
     * class of this model", and left out of accuracy and the confusion matrix, in training and in the test job.
     */
    /**
     * Issue #12: the log said {@code val_accuracy 0.3600} then {@code Validation accuracy 0.0000}, because every window
     * under the uncertain threshold counted as wrong. Under a threshold no window reaches, the validation figure is
     * still the kept epoch's top-1 accuracy, with the uncertain rate beside it.
     */
    @Test
    void validationAccuracyIsTheKeptEpochsTopOneWhateverTheThreshold() throws Exception {
        String training = put("train-uncertain", GestureFeatures.classic(42, 3, 2));
        String testing = put("test-uncertain", GestureFeatures.classic(7, 2, 1));
        RecordingJobContext context = context(
                TrainJobPayload.TYPE,
                new TrainJobPayload(
                        UUID.randomUUID(), 1, DENSE_20_10, FAST, training, testing, FeatureKind.FLAT, SHAPE, 1.0),
                1,
                () -> false);

        new TrainJobHandler(store).run(context);

        TrainJobResult result = JobJson.mapper().readValue(context.resultJson(), TrainJobResult.class);
        JsonNode metrics = JobJson.mapper().readTree(bytes(result.artifacts().metrics()));
        JsonNode validation = metrics.path("validation").path("float32");
        JsonNode kept = metrics.path("history").get(metrics.path("bestEpoch").asInt() - 1);
        assertThat(validation.path("accuracy").asDouble())
                .isPositive()
                .isCloseTo(kept.path("validationAccuracy").asDouble(), Offset.offset(1e-9));
        assertThat(validation.path("uncertainRate").asDouble()).isGreaterThan(0.5);
        assertThat(validation.path("sampleVote").path("samples").asInt()).isPositive();
        String epochLine = String.format(
                Locale.ROOT,
                "val_accuracy %.4f",
                kept.path("validationAccuracy").asDouble());
        assertThat(context.lines()).anyMatch(l -> l.startsWith("Epoch ") && l.contains(epochLine));
        assertThat(context.lines())
                .anyMatch(l -> l.startsWith(String.format(
                        Locale.ROOT,
                        "Validation accuracy %.4f (top-1",
                        kept.path("validationAccuracy").asDouble())));
        JsonNode test = metrics.path("test").path("float32");
        assertThat(test.path("accuracy").asDouble()).isGreaterThan(0.5);
        assertThat(result.summary().testAccuracy())
                .isEqualTo(test.path("accuracy").asDouble());
        assertThat(context.lines()).anyMatch(l -> l.startsWith("Test accuracy ") && l.contains("uncertain (top score"));
    }

    @Test
    void aLabelOnlyTheTestSetHasIsNoClassItsWindowsArePredictedButNotCounted() throws Exception {
        String training = put(
                "three",
                GestureFeatures.of(42, 3, 2, GestureFeatures.gestures(Gesture.IDLE, Gesture.WAVE, Gesture.UPDOWN)));
        FeatureSet testSet = GestureFeatures.classic(7, 2, 1);
        String testing = put("four", testSet);
        long circle =
                testSet.rows().stream().filter(r -> r.label().equals("circle")).count();
        RecordingJobContext context = context(
                TrainJobPayload.TYPE,
                new TrainJobPayload(
                        UUID.randomUUID(), 1, DENSE_20_10, FAST, training, testing, FeatureKind.FLAT, SHAPE, null),
                1,
                () -> false);

        new TrainJobHandler(store).run(context);

        TrainJobResult result = JobJson.mapper().readValue(context.resultJson(), TrainJobResult.class);
        assertThat(result.labels()).containsExactly("idle", "updown", "wave");
        JsonNode test =
                JobJson.mapper().readTree(bytes(result.artifacts().metrics())).path("test");
        assertThat(circle).isPositive();
        assertThat(test.path("windows").asLong()).isEqualTo(testSet.rows().size() - circle);
        assertThat(test.path("skippedWindows").asLong()).isEqualTo(circle);
        assertThat(test.path("unknownLabels").path("circle").asLong()).isEqualTo(circle);
        assertThat(test.path("float32").path("confusionMatrix").size()).isEqualTo(3);
        Predictions predictions =
                JobJson.mapper().readValue(bytes(result.artifacts().predictions()), Predictions.class);
        assertThat(predictions.rows()).hasSize(testSet.rows().size());
        assertThat(context.lines()).anyMatch(l -> l.startsWith(circle + " test windows are not a class of this model"));

        RecordingJobContext retest = context(
                TestJobPayload.TYPE,
                new TestJobPayload(
                        result.modelId(),
                        ModelKind.CLASSIFICATION,
                        result.labels(),
                        testing,
                        result.artifacts(),
                        null,
                        null),
                1,
                () -> false);
        new TestJobHandler(store).run(retest);
        TestJobResult tested = JobJson.mapper().readValue(retest.resultJson(), TestJobResult.class);
        JsonNode evaluation = JobJson.mapper().readTree(bytes(tested.testMetrics()));
        assertThat(evaluation.path("unknownLabels").path("circle").asLong()).isEqualTo(circle);
        assertThat(tested.summary().testAccuracy()).isEqualTo(result.summary().testAccuracy());
    }

    @Test
    void theTestJobEvaluatesAStoredClassifierOnANewTestSet() throws Exception {
        String training = put("train2", GestureFeatures.classic(42, 2, 2));
        RecordingJobContext train = context(
                TrainJobPayload.TYPE,
                new TrainJobPayload(
                        UUID.randomUUID(), 1, DENSE_20_10, FAST, training, null, FeatureKind.FLAT, SHAPE, null),
                1,
                () -> false);
        new TrainJobHandler(store).run(train);
        TrainJobResult trained = JobJson.mapper().readValue(train.resultJson(), TrainJobResult.class);
        String testing = put("test2", GestureFeatures.classic(99, 1, 1));

        RecordingJobContext test = context(
                TestJobPayload.TYPE,
                new TestJobPayload(
                        trained.modelId(),
                        ModelKind.CLASSIFICATION,
                        trained.labels(),
                        testing,
                        trained.artifacts(),
                        0.0,
                        null),
                1,
                () -> false);
        new TestJobHandler(store).run(test);

        TestJobResult result = JobJson.mapper().readValue(test.resultJson(), TestJobResult.class);
        assertThat(result.predictions()).contains("/test-" + test.jobId() + "-1/");
        Predictions predictions = JobJson.mapper().readValue(bytes(result.predictions()), Predictions.class);
        assertThat(predictions.rows())
                .hasSize(FeatureSet.fromBytes(bytes(testing)).rows().size());
        JsonNode evaluation = JobJson.mapper().readTree(bytes(result.testMetrics()));
        assertThat(evaluation.path("float32").path("uncertainThreshold").asDouble())
                .isEqualTo(0.0);
        assertThat(evaluation.path("float32").path("accuracy").asDouble())
                .isEqualTo(result.summary().testAccuracy());

        FeatureLayout other =
                new FeatureLayout(List.of(new FeatureLayout.Block(1, "Raw", "raw", FeatureShape.of(4), 0)));
        String narrow =
                put("narrow", FeatureSet.of(1, other, List.of(new FeatureRow("s", 0, 0, "idle", new float[] {1, 2, 3, 4
                }))));
        RecordingJobContext mismatch = context(
                TestJobPayload.TYPE,
                new TestJobPayload(
                        trained.modelId(),
                        ModelKind.CLASSIFICATION,
                        trained.labels(),
                        narrow,
                        trained.artifacts(),
                        null,
                        null),
                1,
                () -> false);
        assertThatThrownBy(() -> new TestJobHandler(store).run(mismatch))
                .isInstanceOf(NonRetryableJobException.class)
                .hasMessageContaining("takes 33 features");
    }

    private RecordingJobContext context(String type, Object payload, int attempt, BooleanSupplier cancelled) {
        return new RecordingJobContext(PROJECT, type, JobJson.write(payload))
                .attempt(attempt, 3)
                .cancelWhen(c -> cancelled.getAsBoolean());
    }

    private String put(String name, FeatureSet set) {
        String key = "projects/test/features/1/" + name + ".effs";
        store.put(key, set.toBytes());
        return key;
    }

    private byte[] bytes(String key) throws IOException {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }
}
