package dev.edgeforge.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import dev.edgeforge.infra.job.JobContext;
import dev.edgeforge.infra.job.JobHandler;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.job.JobWorker;
import dev.edgeforge.infra.job.JobWorkerSettings;
import dev.edgeforge.infra.job.NewJob;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The job API over HTTP against the real queue: status, progress and logs of a running job (JSON and the SSE
 * stream), cancel, and that another user's job is a 404. A worker with test handlers runs beside the server.
 */
@IntegrationTest
class JobApiIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JobQueue queue;

    ApiClient client;
    User owner;
    UUID projectId;
    JobWorker worker;
    final CountDownLatch releaseLogger = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        client = ApiClient.stateless(port);
        owner = TestUsers.register(client, "jobs");
        projectId = TestUsers.createProject(client, owner, "Jobs");
        worker = new JobWorker(
                dataSource,
                Clock.systemUTC(),
                JobWorkerSettings.builder()
                        .setConcurrency(2)
                        .optPollInterval(Duration.ofMillis(100))
                        .optHeartbeatInterval(Duration.ofMillis(200))
                        .build(),
                List.of(new LoggingHandler(), new WaitForeverHandler(), new LargeResultHandler()));
        worker.start();
    }

    @AfterEach
    void tearDown() {
        releaseLogger.countDown();
        worker.close();
    }

    @Test
    void showsProgressLogsAndResultOfAJob() throws Exception {
        UUID jobId = queue.enqueue(NewJob.of("it-log", projectId, "{\"lines\": 3}"));

        // the SSE stream delivers every line, then an end event with the finished job
        List<String> events = new ArrayList<>();
        Thread releaser = new Thread(() -> {
            sleep(800);
            releaseLogger.countDown();
        });
        releaser.start();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/api/v1/jobs/" + jobId + "/logs"))
                                .header("Authorization", "Bearer " + owner.token())
                                .header("Accept", "text/event-stream")
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("event:") || line.startsWith("data:")) {
                    events.add(line);
                }
            }
        }
        assertThat(events).contains("event:log", "data:line 1", "data:line 2", "data:line 3", "event:end");
        assertThat(events.get(events.size() - 1)).contains("\"state\":\"succeeded\"");

        ApiClient.Response job = client.get("/api/v1/jobs/" + jobId, owner.auth());
        assertThat(job.status()).isEqualTo(200);
        assertThat(job.text("state")).isEqualTo("succeeded");
        assertThat(job.json().get("progress").asDouble()).isEqualTo(1.0);
        assertThat(job.json().get("summary").get("written").asInt()).isEqualTo(3);
        assertThat(job.json().get("links").get("result").asString()).isEqualTo("/api/v1/jobs/" + jobId + "/result");
        assertThat(client.get("/api/v1/jobs/" + jobId + "/result", owner.auth())
                        .json()
                        .get("written")
                        .asInt())
                .isEqualTo(3);
        assertThat(job.json().get("attempts").size()).isEqualTo(1);
        assertThat(job.json().get("attempts").get(0).get("outcome").asString()).isEqualTo("succeeded");

        ApiClient.Response lines = client.send(
                "GET",
                "/api/v1/jobs/" + jobId + "/logs?after=1",
                null,
                owner.auth(),
                List.of("Accept", "application/json"));
        assertThat(lines.status()).isEqualTo(200);
        assertThat(lines.json().size()).isEqualTo(2);
        assertThat(lines.json().get(0).get("line").asString()).isEqualTo("line 2");

        ApiClient.Response listed = client.get("/api/v1/projects/" + projectId + "/jobs?type=it-log", owner.auth());
        assertThat(listed.json().get(0).get("id").asString()).isEqualTo(jobId.toString());
    }

    /** Issue #16: "97 KB per poll for 304 samples, 378 KB for 1,200". */
    @Test
    void aJobOverManySamplesPollsSmallAndServesItsPayloadAndResultApart() {
        StringBuilder samples = new StringBuilder();
        for (int i = 0; i < 1_200; i++) {
            samples.append(i == 0 ? "" : ",")
                    .append("{\"sampleId\": \"")
                    .append(UUID.randomUUID())
                    .append("\", \"key\": \"projects/")
                    .append(projectId)
                    .append("/samples/")
                    .append("%064x".formatted(i))
                    .append("\", \"label\": \"idle\", \"category\": \"training\"}");
        }
        String payload = "{\"impulseVersion\": 1, \"impulse\": {}, \"samples\": [" + samples + "]}";
        UUID jobId = queue.enqueue(NewJob.of("it-large", projectId, payload));
        awaitState(jobId, "succeeded", Duration.ofSeconds(20));

        ApiClient.Response poll = client.get("/api/v1/jobs/" + jobId, owner.auth());
        assertThat(poll.status()).isEqualTo(200);
        assertThat(poll.body().getBytes(StandardCharsets.UTF_8).length)
                .as(poll.body())
                .isLessThan(2_048);
        assertThat(poll.json().get("summary").get("samples").asInt()).isEqualTo(1_200);
        assertThat(poll.json().get("summary").has("keys")).isFalse();
        assertThat(poll.json().get("links").get("payload").asString()).isEqualTo("/api/v1/jobs/" + jobId + "/payload");

        ApiClient.Response fullPayload = client.get("/api/v1/jobs/" + jobId + "/payload", owner.auth());
        assertThat(fullPayload.status()).isEqualTo(200);
        assertThat(fullPayload.json().get("samples").size()).isEqualTo(1_200);
        ApiClient.Response fullResult = client.get("/api/v1/jobs/" + jobId + "/result", owner.auth());
        assertThat(fullResult.json().get("keys").size()).isEqualTo(1_200);
        assertThat(fullResult.body().length()).isGreaterThan(100_000);
    }

    @Test
    void aJobWithoutAResultAnswersWhyOnItsResultEndpoint() {
        UUID jobId = queue.enqueue(NewJob.of("it-wait", projectId, "{}"));
        awaitState(jobId, "running", Duration.ofSeconds(20));
        ApiClient.Response result = client.get("/api/v1/jobs/" + jobId + "/result", owner.auth());
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.text("code")).isEqualTo("job-result-not-found");
        assertThat(result.text("detail")).contains("it is running");
        assertThat(client.get("/api/v1/jobs/" + jobId + "/payload", owner.auth())
                        .body())
                .isEqualTo("{}");
        client.post("/api/v1/jobs/" + jobId + "/cancel", Map.of(), owner.auth());
    }

    @Test
    void cancelStopsARunningJobWithinSeconds() {
        UUID jobId = queue.enqueue(NewJob.of("it-wait", projectId, "{}"));
        awaitState(jobId, "running", Duration.ofSeconds(20));

        ApiClient.Response cancelled = client.post("/api/v1/jobs/" + jobId + "/cancel", Map.of(), owner.auth());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("cancelRequested").asBoolean()).isTrue();
        awaitState(jobId, "cancelled", Duration.ofSeconds(10));
    }

    @Test
    void anotherUsersJobIsNotFound() {
        UUID jobId = queue.enqueue(NewJob.of("it-log", projectId, "{\"lines\": 1}"));
        User stranger = TestUsers.register(client, "stranger");

        ApiClient.Response response = client.get("/api/v1/jobs/" + jobId, stranger.auth());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("code")).isEqualTo("job-not-found");
        assertThat(client.post("/api/v1/jobs/" + jobId + "/cancel", Map.of(), stranger.auth())
                        .status())
                .isEqualTo(404);
        assertThat(client.get("/api/v1/jobs/" + jobId, ApiClient.Auth.none()).status())
                .isEqualTo(401);
        assertThat(client.get("/api/v1/jobs/" + UUID.randomUUID(), owner.auth()).status())
                .isEqualTo(404);
    }

    private void awaitState(UUID jobId, String state, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = client.get("/api/v1/jobs/" + jobId, owner.auth()).text("state");
            if (state.equals(last)) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("job " + jobId + " is " + last + ", expected " + state + " within " + limit);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes N log lines, waits until the test lets it finish (so the stream sees a running job), then a result. */
    private final class LoggingHandler implements JobHandler {
        @Override
        public String type() {
            return "it-log";
        }

        @Override
        public void run(JobContext ctx) throws Exception {
            int lines = Integer.parseInt(ctx.payload().replaceAll("\\D", ""));
            for (int i = 1; i <= lines; i++) {
                ctx.log("line " + i);
                ctx.progress((double) i / lines);
            }
            releaseLogger.await(10, TimeUnit.SECONDS);
            ctx.result("{\"written\": " + lines + "}");
        }
    }

    /** Writes a result as large as its payload: a key per sample, besides the counts. */
    private static final class LargeResultHandler implements JobHandler {
        @Override
        public String type() {
            return "it-large";
        }

        @Override
        public void run(JobContext ctx) {
            int samples = ctx.payload().split("\"sampleId\"", -1).length - 1;
            StringBuilder keys = new StringBuilder();
            for (int i = 0; i < samples; i++) {
                keys.append(i == 0 ? "" : ",")
                        .append("\"projects/p/features/1/chunk-")
                        .append("%064x".formatted(i));
                keys.append("\"");
            }
            ctx.result("{\"samples\": " + samples + ", \"windows\": " + 4 * samples + ", \"keys\": [" + keys + "]}");
        }
    }

    /** Runs until cancelled. */
    private static final class WaitForeverHandler implements JobHandler {
        @Override
        public String type() {
            return "it-wait";
        }

        @Override
        public void run(JobContext ctx) throws Exception {
            while (true) {
                ctx.throwIfCancelled();
                Thread.sleep(50);
            }
        }
    }
}
