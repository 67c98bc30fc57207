package dev.edgeforge.api.feature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.EdgeForgeApplication;
import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import dev.edgeforge.core.synthetic.GestureDataset;
import dev.edgeforge.core.synthetic.SyntheticSample;
import dev.edgeforge.infra.job.Job;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.job.JobState;
import dev.edgeforge.infra.job.JobWorker;
import dev.edgeforge.infra.job.JobWorkerSettings;
import dev.edgeforge.infra.storage.FileSystemObjectStore;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.infra.testing.SharedPostgres;
import dev.edgeforge.infra.testing.TestDatabase;
import dev.edgeforge.jobs.feature.FeatureJobSample;
import dev.edgeforge.training.feature.FeatureJobHandler;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The server learns that a job ended however and whenever it ended: a features job finished by a worker that is not
 * the server's (its own connections, the queue and the object store only) shows in the features status at once, and
 * one finished while the server was down shows as soon as the server is up again.
 *
 * <p>Each server here runs on a database of its own that outlives it, with no embedded worker and a safety poll of an
 * hour: only the queue's notification (first test) and the look for unpublished changes on start (second test) can
 * bring the job's end into the row in time.
 */
class JobEventsIT {

    /** The promptness the features rely on: a job's end is in its row within about a second. */
    private static final Duration PROMPT = Duration.ofSeconds(2);

    private static final Duration JOB_LIMIT = Duration.ofMinutes(2);

    private static List<SyntheticSample> recordings;

    @TempDir
    Path dataDir;

    private TestDatabase db;

    @BeforeAll
    static void generate() {
        recordings = GestureDataset.builder()
                .optPersons(2)
                .optRecordingsPerGesture(1)
                .optLengthSeconds(10)
                .build()
                .generate();
    }

    @BeforeEach
    void database() {
        db = SharedPostgres.freshDatabase("JobEventsIT");
    }

    @Test
    void aJobFinishedByAWorkerElsewhereReachesItsRowAtOnce() throws Exception {
        try (ConfigurableApplicationContext server = startServer()) {
            Project project = project(server);
            FeatureJobService.Started run = project.startFeatures(server);
            assertThat(project.status(run).path("status").asString()).isEqualTo("queued");

            try (JobWorker worker = standaloneWorker()) {
                worker.start();
                await("the job to end", JOB_LIMIT, () -> terminal(run.jobId()));
                long ended = System.nanoTime();
                assertThat(job(run.jobId()).state())
                        .as(job(run.jobId()).error())
                        .isEqualTo(JobState.SUCCEEDED);

                JsonNode status = await("the features status to show the job's end", PROMPT, () -> {
                    JsonNode current = project.status(run);
                    return current.path("status").asString().equals("succeeded") ? current : null;
                });
                assertThat(Duration.ofNanos(System.nanoTime() - ended)).isLessThan(PROMPT);
                assertThat(status.path("featureSet").path("jobId").asString())
                        .isEqualTo(run.jobId().toString());
                assertThat(status.path("featureSet").path("samples").asInt()).isEqualTo(recordings.size());
                assertThat(status.path("job").path("startedAt").isNull()).isFalse();
            }
        }
    }

    @Test
    void aJobThatEndedWhileTheServerWasDownReachesItsRowWhenItStarts() throws Exception {
        Project project;
        FeatureJobService.Started run;
        try (ConfigurableApplicationContext server = startServer()) {
            project = project(server);
            run = project.startFeatures(server);
        }

        // the server is down; a worker elsewhere runs the job, and its notification reaches no one
        try (JobWorker worker = standaloneWorker()) {
            worker.start();
            await("the job to end", JOB_LIMIT, () -> terminal(run.jobId()));
        }
        assertThat(job(run.jobId()).state()).as(job(run.jobId()).error()).isEqualTo(JobState.SUCCEEDED);
        assertThat(rowState(run.jobId())).isEqualTo("queued");

        try (ConfigurableApplicationContext server = startServer()) {
            long started = System.nanoTime();
            JsonNode status = await("the restarted server to apply the job's end", PROMPT, () -> {
                JsonNode current = project.status(run, server);
                return current.path("status").asString().equals("succeeded") ? current : null;
            });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPT);
            assertThat(status.path("featureSet").path("jobId").asString())
                    .isEqualTo(run.jobId().toString());
            assertThat(rowState(run.jobId())).isEqualTo("succeeded");
        }
    }

    /** The all-in-one server on the test's database and data directory, without an embedded worker. */
    private ConfigurableApplicationContext startServer() {
        // as arguments: they outrank application.yml (the builder's own properties would not)
        return new SpringApplicationBuilder(EdgeForgeApplication.class)
                .run(
                        "--spring.datasource.url=" + db.jdbcUrl(),
                        "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=",
                        "--edgeforge.data-dir=" + dataDir,
                        "--server.port=0",
                        "--edgeforge.workers.embedded=false",
                        // no poll in time: a prompt row is the notification's doing (or the start's)
                        "--edgeforge.jobs.safety-poll=1h",
                        // the administrator TestUsers signs in as to create accounts
                        "--edgeforge.admin.email=" + IntegrationTest.ADMIN_EMAIL,
                        "--edgeforge.admin.password=" + IntegrationTest.ADMIN_PASSWORD);
    }

    /** A features worker as a standalone process runs it: own connections, the queue and the object store only. */
    private JobWorker standaloneWorker() {
        ObjectStore objects = new FileSystemObjectStore(dataDir.resolve("objects"));
        return new JobWorker(
                db.dataSource(),
                Clock.systemUTC(),
                JobWorkerSettings.builder()
                        .setConcurrency(1)
                        .optWorkerId("elsewhere")
                        .optPollInterval(Duration.ofMillis(100))
                        .build(),
                List.of(new FeatureJobHandler(objects)));
    }

    private Job job(UUID jobId) {
        return new JobQueue(db.dataSource(), Clock.systemUTC()).find(jobId).orElseThrow();
    }

    private Job terminal(UUID jobId) {
        Job job = job(jobId);
        return job.state().isTerminal() ? job : null;
    }

    /** The row as stored, read past the server. */
    private String rowState(UUID jobId) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT state FROM feature_generation WHERE job_id = ?")) {
            query.setObject(1, jobId);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private Project project(ConfigurableApplicationContext server) {
        ApiClient client = ApiClient.stateless(port(server));
        User owner = TestUsers.register(client, "events");
        UUID projectId = TestUsers.createProject(client, owner, "Gestures");
        String base = "/api/v1/projects/" + projectId;
        JsonNode impulse = client.get(base + "/impulse", owner.auth()).json().get("impulse");
        ApiClient.Response saved = client.put(base + "/impulse", impulse, owner.auth());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        List<FeatureJobSample> samples =
                SyntheticSamples.store(server.getBean(ObjectStore.class), projectId, recordings);
        return new Project(client, owner, projectId, samples);
    }

    private static int port(ConfigurableApplicationContext server) {
        return server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** A project with a saved impulse and stored samples, as its owner sees it. */
    private record Project(ApiClient client, User owner, UUID projectId, List<FeatureJobSample> samples) {

        FeatureJobService.Started startFeatures(ConfigurableApplicationContext server) {
            return server.getBean(FeatureJobService.class).start(projectId, null, owner.id(), id -> samples);
        }

        JsonNode status(FeatureJobService.Started run) {
            return client.get(
                            "/api/v1/projects/" + projectId + "/features?impulseVersion=" + run.impulseVersion(),
                            owner.auth())
                    .json();
        }

        /** The status from another server (a restarted one listens on another port). */
        JsonNode status(FeatureJobService.Started run, ConfigurableApplicationContext server) {
            return new Project(ApiClient.stateless(port(server)), owner, projectId, samples).status(run);
        }
    }

    private static <T> T await(String what, Duration limit, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out after " + limit + " waiting for " + what);
    }
}
