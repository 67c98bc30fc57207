package dev.edgeforge.api.compression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.feature.FeatureExtractor;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.learning.Activation;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.synthetic.GestureDataset;
import dev.edgeforge.core.synthetic.SyntheticSample;
import dev.edgeforge.infra.job.Job;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.job.JobState;
import dev.edgeforge.infra.job.NewJob;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.training.TrainJobPayload;
import dev.edgeforge.jobs.training.TrainJobResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Trained gesture classifiers for compression tests, made by the real {@code train} job (on the server's in-process
 * worker) through the real queue from feature files in the server's object store, then recorded in the {@code model}
 * table as the models feature records a finished training (state {@code ready}, the run's object keys). The job is
 * enqueued without a model row, so the models feature's listener leaves it alone.
 */
final class TrainedModels {

    static final Impulse IMPULSE = new Impulse(
            1,
            new TimeSeriesInput(2000, 500, 62.5, true),
            List.of(new ProcessingBlock(
                    1, "Spectral", List.of("accX", "accY", "accZ"), SpectralAnalysisParams.defaults())),
            List.of());
    static final TensorShape SHAPE = TensorShape.of(33);
    static final LearningBlock DENSE_24_12 = LearningBlock.classification(
            List.of(LayerSpec.dense(24, Activation.RELU), LayerSpec.dense(12, Activation.RELU)));
    static final Hyperparameters TRAINING =
            Hyperparameters.defaults().withEpochs(15).withLearningRate(0.005);
    private static final Duration JOB_LIMIT = Duration.ofSeconds(180);

    private final JobQueue queue;
    private final ObjectStore store;
    private final JdbcClient jdbc;

    TrainedModels(JobQueue queue, ObjectStore store, DataSource dataSource) {
        this.queue = queue;
        this.store = store;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** A gesture classifier trained by the train job, recorded as a ready model; returns its row. */
    Trained trainGestureClassifier(UUID projectId, String name) {
        String folder = "projects/" + projectId + "/features/" + IMPULSE.version() + "/";
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String trainingKey = folder + "training-" + suffix + ".effs";
        String testingKey = folder + "testing-" + suffix + ".effs";
        store.put(trainingKey, features(42, 5, 2, GestureDataset.CLASSIC).toBytes());
        store.put(testingKey, features(7, 3, 1, GestureDataset.CLASSIC).toBytes());
        UUID modelId = UUID.randomUUID();
        TrainJobPayload payload = new TrainJobPayload(
                modelId,
                IMPULSE.version(),
                DENSE_24_12,
                TRAINING,
                trainingKey,
                testingKey,
                FeatureKind.FLAT,
                SHAPE,
                null);
        UUID jobId = queue.enqueue(NewJob.of(TrainJobPayload.TYPE, projectId, JobJson.write(payload)));
        Job job = await(jobId);
        assertThat(job.state()).as(job.error()).isEqualTo(JobState.SUCCEEDED);
        TrainJobResult result = JobJson.mapper().readValue(job.result(), TrainJobResult.class);
        insert(modelId, projectId, name, "classification", "ready", "trained", result, trainingKey, testingKey, jobId);
        return new Trained(modelId, result, trainingKey, testingKey);
    }

    /**
     * A model row whose files are not in the object store: a model still training, of another kind, or ready but with
     * its files gone, for the checks before a start.
     */
    UUID insertWithoutFiles(UUID projectId, String name, String kind, String state) {
        UUID modelId = UUID.randomUUID();
        String run = "projects/" + projectId + "/models/" + modelId + "/train-1/";
        Instant now = Instant.now();
        jdbc.sql("INSERT INTO model (id, project_id, name, kind, state, source, learning_block, hyperparameters, "
                        + "feature_kind, input_shape, labels, train_job_id, float32_key, network_key, "
                        + "training_features_key, created_at, updated_at) "
                        + "VALUES (:id, :projectId, :name, :kind, :state, 'trained', CAST(:block AS jsonb), "
                        + "CAST(:hyperparameters AS jsonb), 'flat', '[33]'::jsonb, '[\"a\", \"b\"]'::jsonb, :jobId, "
                        + ":float32Key, :networkKey, :trainingKey, :now, :now)")
                .param("id", modelId)
                .param("projectId", projectId)
                .param("name", name)
                .param("kind", kind)
                .param("state", state)
                .param("block", JobJson.write(DENSE_24_12))
                .param("hyperparameters", JobJson.write(TRAINING))
                .param("jobId", UUID.randomUUID())
                .param("float32Key", "ready".equals(state) ? run + "model-float32.tflite" : null)
                .param("networkKey", "ready".equals(state) ? run + "trained-network.json" : null)
                .param("trainingKey", "projects/" + projectId + "/features/1/training-missing.effs")
                .param("now", Timestamp.from(now))
                .update();
        return modelId;
    }

    byte[] bytes(String key) {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Job await(UUID jobId) {
        Instant deadline = Instant.now().plus(JOB_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            Job job = queue.find(jobId).orElseThrow();
            if (job.state().isTerminal()) {
                return job;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + jobId + " did not finish within " + JOB_LIMIT);
    }

    /** A trained model and the files it came from. */
    record Trained(UUID modelId, TrainJobResult result, String trainingKey, String testingKey) {}

    private void insert(
            UUID modelId,
            UUID projectId,
            String name,
            String kind,
            String state,
            String source,
            TrainJobResult result,
            String trainingKey,
            String testingKey,
            UUID jobId) {
        Instant now = Instant.now();
        jdbc.sql("INSERT INTO model (id, project_id, name, kind, state, source, impulse_version, learning_block, "
                        + "hyperparameters, seed, feature_kind, input_shape, labels, training_features_key, "
                        + "testing_features_key, uncertain_threshold, network_key, float32_key, int8_key, "
                        + "metrics_key, predictions_key, train_job_id, created_at, updated_at, trained_at) "
                        + "VALUES (:id, :projectId, :name, :kind, :state, :source, :impulseVersion, "
                        + "CAST(:block AS jsonb), CAST(:hyperparameters AS jsonb), :seed, :featureKind, "
                        + "CAST(:inputShape AS jsonb), CAST(:labels AS jsonb), :trainingKey, :testingKey, 0.6, "
                        + ":networkKey, :float32Key, :int8Key, :metricsKey, :predictionsKey, :jobId, :now, :now, :now)")
                .param("id", modelId)
                .param("projectId", projectId)
                .param("name", name)
                .param("kind", kind)
                .param("state", state)
                .param("source", source)
                .param("impulseVersion", IMPULSE.version())
                .param("block", JobJson.write(DENSE_24_12))
                .param("hyperparameters", JobJson.write(TRAINING))
                .param("seed", TRAINING.seed())
                // as the models feature writes it: the JSON name of the feature kind, unquoted
                .param(
                        "featureKind",
                        JobJson.mapper().valueToTree(FeatureKind.FLAT).asString())
                .param("inputShape", JobJson.write(SHAPE))
                .param("labels", JobJson.write(result.labels()))
                .param("trainingKey", trainingKey)
                .param("testingKey", testingKey)
                .param("networkKey", result.artifacts().network())
                .param("float32Key", result.artifacts().float32())
                .param("int8Key", result.artifacts().int8())
                .param("metricsKey", result.artifacts().metrics())
                .param("predictionsKey", result.artifacts().predictions())
                .param("jobId", jobId)
                .param("now", Timestamp.from(now))
                .update();
    }

    static FeatureSet features(long seed, int persons, int recordings, Set<GestureDataset.Gesture> gestures) {
        List<SyntheticSample> samples = GestureDataset.builder()
                .optSeed(seed)
                .optPersons(persons)
                .optRecordingsPerGesture(recordings)
                .optLengthSeconds(6)
                .optGestures(EnumSet.copyOf(gestures))
                .build()
                .generate();
        FeatureExtractor extractor = new FeatureExtractor(IMPULSE);
        List<FeatureRow> rows = new ArrayList<>();
        for (SyntheticSample sample : samples) {
            rows.addAll(extractor.extract(sample.name(), sample.label(), sample.data()));
        }
        return FeatureSet.of(IMPULSE.version(), extractor.layout(), rows);
    }
}
