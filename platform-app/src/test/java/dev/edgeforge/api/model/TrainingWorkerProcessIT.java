package dev.edgeforge.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.job.JobSucceeded;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.synthetic.GestureDataset;
import dev.edgeforge.infra.job.Job;
import dev.edgeforge.infra.job.JobListQuery;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.job.JobState;
import dev.edgeforge.infra.job.NewJob;
import dev.edgeforge.infra.storage.FileSystemObjectStore;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.infra.testing.SharedPostgres;
import dev.edgeforge.infra.testing.TestDatabase;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.training.ModelArtifactKeys;
import dev.edgeforge.jobs.training.ModelKind;
import dev.edgeforge.jobs.training.TrainJobPayload;
import dev.edgeforge.jobs.training.TrainJobResult;
import dev.edgeforge.training.TrainingWorkerApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Robustness with real separate JVMs: two standalone training-worker processes share a PostgreSQL and an object store;
 * the one that took a training job is killed with SIGKILL in the middle of training; the other takes the job again
 * once the lease expired and completes it exactly once — one succeeded job after two attempts, one model made ready
 * from the second attempt's files. The second attempt resumes from the first one's last checkpoint (saved every 2
 * epochs here), so the model is trained for the requested epochs in total.
 */
class TrainingWorkerProcessIT {

    private static final int LEASE_SECONDS = 4;
    private static TestDatabase db;

    @TempDir
    Path temp;

    private final List<Process> workers = new ArrayList<>();

    @BeforeAll
    static void database() {
        db = SharedPostgres.freshDatabase("TrainingWorkerProcessIT");
    }

    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (Process worker : workers) {
            worker.destroy();
        }
        for (Process worker : workers) {
            if (!worker.waitFor(20, TimeUnit.SECONDS)) {
                worker.destroyForcibly();
            }
        }
    }

    @Test
    void aKilledWorkersTrainingJobIsCompletedOnceByTheOther() throws Exception {
        Path objects = Files.createDirectories(temp.resolve("objects"));
        ObjectStore store = new FileSystemObjectStore(objects);
        UUID projectId = insertProject();
        FeatureSet training = GestureProject.features(GestureProject.samples(42, 3, 2, GestureDataset.CLASSIC));
        String trainingKey = "projects/" + projectId + "/features/1/training.effs";
        store.put(trainingKey, training.toBytes());

        // a training job long enough to be killed in the middle: many small batches per epoch
        UUID modelId = UUID.randomUUID();
        TrainJobPayload payload = new TrainJobPayload(
                modelId,
                1,
                LearningBlock.defaultsFor(LearningBlock.Kind.CLASSIFICATION, FeatureKind.FLAT, GestureProject.SHAPE),
                Hyperparameters.defaults().withEpochs(40).withBatchSize(4).withLearningRate(0.002),
                trainingKey,
                null,
                FeatureKind.FLAT,
                GestureProject.SHAPE,
                null);
        JobQueue queue = new JobQueue(db.dataSource(), Clock.systemUTC());
        ModelRepository models = new ModelRepository(db.dataSource());
        UUID jobId = queue.enqueue(NewJob.of(TrainJobPayload.TYPE, projectId, JobJson.write(payload)));
        Instant now = Instant.now();
        models.insert(new ModelRecord(
                new ModelRecord.Identity(
                        modelId, projectId, "Killed once", ModelKind.CLASSIFICATION, ModelSource.TRAINED, now, now),
                ModelRecord.Status.training(jobId),
                new ModelRecord.Lineage(1, null, null, null, 42L, "flat", trainingKey, null),
                new ModelRecord.Signature(null, training.header().labels()),
                ModelRecord.Evaluation.none(0.6),
                ModelRecord.Files.none()));

        workers.add(startWorker(objects, "worker-a"));
        workers.add(startWorker(objects, "worker-b"));

        Job running = await(
                "the job to run and save its first checkpoint",
                Duration.ofSeconds(120),
                () -> queue.find(jobId)
                        .filter(job -> job.state() == JobState.RUNNING && job.leaseOwner() != null)
                        .filter(job -> queue.logs(jobId, 0, 10_000).stream()
                                .anyMatch(line -> line.line().startsWith("Checkpoint saved after epoch "))));
        assertThat(running.attempts()).isEqualTo(1);
        Process owner = workers.stream()
                .filter(p -> running.leaseOwner().contains("-" + p.pid() + "-"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no worker process owns lease " + running.leaseOwner()));
        Process survivor = workers.stream().filter(p -> p != owner).findFirst().orElseThrow();

        owner.destroyForcibly(); // SIGKILL: no shutdown hook, no handing back
        assertThat(owner.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(owner.exitValue()).isEqualTo(137);

        Job done = await(
                "the other worker to complete the job",
                Duration.ofSeconds(240),
                () -> queue.find(jobId).filter(job -> job.state().isTerminal()));
        assertThat(done.state()).as(done.error()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(queue.list(projectId, JobListQuery.latest(10))).hasSize(1);
        assertThat(survivor.isAlive()).isTrue();
        List<String> log = new ArrayList<>();
        queue.logs(jobId, 0, 10_000).forEach(line -> log.add(line.line()));
        // one line says why a new attempt began (the queue's), one that the handler trains again (the worker's)
        assertThat(log)
                .filteredOn(line -> line.startsWith("attempt 1 on ") && line.contains("lost its lease"))
                .hasSize(1);
        assertThat(log).filteredOn(line -> line.endsWith(", attempt 2")).hasSize(1);
        assertThat(log).filteredOn(line -> line.equals("Model ready")).hasSize(1);
        int takeOver = log.indexOf(log.stream()
                .filter(line -> line.startsWith("attempt 1 on "))
                .findFirst()
                .orElseThrow());
        int checkpointEpoch = log.subList(0, takeOver).stream()
                .filter(line -> line.startsWith("Checkpoint saved after epoch "))
                .map(line ->
                        Integer.parseInt(line.substring("Checkpoint saved after epoch ".length(), line.indexOf(" ("))))
                .reduce((first, last) -> last)
                .orElseThrow();
        assertThat(checkpointEpoch).isBetween(2, 38);
        assertThat(log.subList(takeOver, log.size()))
                .anyMatch(line -> line.matches("Attempt 2 on .+ resumes at epoch " + (checkpointEpoch + 1)
                        + " \\(checkpoint of attempt 1\\)"));
        List<String> secondEpochs = log.subList(takeOver, log.size()).stream()
                .filter(line -> line.startsWith("Epoch "))
                .toList();
        assertThat(secondEpochs).hasSize(40 - checkpointEpoch);
        assertThat(secondEpochs.get(0)).startsWith("Epoch " + (checkpointEpoch + 1) + "/40:");
        assertThat(store.exists(ModelArtifactKeys.trainCheckpoint(projectId, modelId, jobId)))
                .as("the ended job's checkpoint is removed")
                .isFalse();

        TrainJobResult result = JobJson.mapper().readValue(done.result(), TrainJobResult.class);
        assertThat(result.artifacts().keys()).hasSize(4).allSatisfy(key -> {
            assertThat(key).contains("/train-2/");
            assertThat(store.exists(key)).as(key).isTrue();
        });
        try (var firstAttempt = store.list("projects/" + projectId + "/models/" + modelId + "/train-1/")) {
            assertThat(firstAttempt.count())
                    .as("the killed attempt had not written its files yet")
                    .isZero();
        }

        // the server applies the job's event to the model row (here without a server: the same listener class),
        // once however often the event comes
        ModelJobOutcomes outcomes = new ModelJobOutcomes(models, store, Clock.systemUTC());
        JobSucceeded succeeded = new JobSucceeded(done.id(), projectId, done.type(), done.result(), done.finishedAt());
        assertThat(outcomes.apply(succeeded)).isTrue();
        assertThat(outcomes.apply(succeeded)).as("the same event again").isFalse();
        List<ModelRecord> rows = models.list(projectId);
        assertThat(rows).hasSize(1);
        ModelRecord model = rows.get(0);
        assertThat(model.state()).isEqualTo(ModelState.READY);
        assertThat(model.artifacts()).isEqualTo(result.artifacts());
        assertThat(model.evaluation().history().size()).isEqualTo(40);
        assertThat(model.evaluation()
                        .metrics()
                        .path("validation")
                        .path("float32")
                        .path("accuracy")
                        .asDouble())
                .isGreaterThan(0.5);
        String survivorLog =
                Files.readString(temp.resolve((survivor == workers.get(0) ? "worker-a" : "worker-b") + ".log"));
        assertThat(survivorLog).contains("expired lease");
    }

    private Process startWorker(Path objects, String name) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                java.toString(),
                "-Xmx512m",
                "-Dai.djl.offline=true",
                "-cp",
                System.getProperty("java.class.path"),
                TrainingWorkerApplication.class.getName());
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", db.user());
        env.put("EDGEFORGE_STORAGE_ROOT", objects.toString());
        env.put("EDGEFORGE_WORKERS_LEASE_SECONDS", Integer.toString(LEASE_SECONDS));
        env.put("EDGEFORGE_WORK_DIR", temp.toString());
        env.put("EDGEFORGE_TRAINING_CHECKPOINT_EPOCHS", "2");
        env.put("EDGEFORGE_TRAINING_CHECKPOINT_SECONDS", "0");
        return builder.redirectErrorStream(true)
                .redirectOutput(temp.resolve(name + ".log").toFile())
                .start();
    }

    private UUID insertProject() throws SQLException {
        UUID id = UUID.randomUUID();
        String sql = "INSERT INTO project (id, name, description, created_at, updated_at) VALUES (?, ?, '', ?, ?)";
        try (Connection connection = db.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setObject(1, id);
            insert.setString(2, "Robustness");
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, now);
            insert.executeUpdate();
        }
        return id;
    }

    private <T> T await(String what, Duration limit, Supplier<Optional<T>> probe) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            for (Process worker : workers) {
                if (!worker.isAlive() && worker.exitValue() != 137) {
                    throw new AssertionError("a worker exited with " + worker.exitValue() + ": " + logs());
                }
            }
            ModelTesting.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + "; worker logs: " + logs());
    }

    private String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String name : List.of("worker-a", "worker-b")) {
            Path file = temp.resolve(name + ".log");
            if (Files.exists(file)) {
                all.append("\n--- ").append(name).append(" ---\n").append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
