package dev.edgeforge.api.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The tuner end to end on real gestures (the first 400 uWave recordings, uploaded as a ZIP of CSV files): the request's
 * checks, a 1.5-minute search on the in-process training worker under the small NUCLEO-L4R5ZI budget, its
 * candidates and their fit, and applying the best one as the project's next impulse version.
 */
@IntegrationTest
class TunerIT {

    private static final double BUDGET_MINUTES = 1.5;

    @LocalServerPort
    int port;

    ApiClient client;
    User owner;
    UUID projectId;
    String base;

    @BeforeEach
    void setUp() {
        client = ApiClient.stateless(port);
        owner = TestUsers.register(client, "tuner");
        projectId = TestUsers.createProject(client, owner, "Gestures");
        base = "/api/v1/projects/" + projectId;
    }

    private ApiClient.Response tune(Map<String, Object> body) {
        return client.post(base + "/jobs/tune", body, owner.auth());
    }

    @Test
    void badRequestsAreRefusedWithProblemsNamingTheField() {
        ApiClient.Response noData = tune(Map.of("target", "nucleo-l4r5zi", "budgetMinutes", 1));
        assertThat(noData.status()).as(noData.body()).isEqualTo(409);
        assertThat(noData.text("type")).endsWith("no-data-to-tune");
        assertThat(noData.text("detail")).contains("two labels");

        upload(UwaveUpload.zip(40));
        ApiClient.Response unknown = tune(Map.of("target", "arduino-mega", "budgetMinutes", 1));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.text("type")).endsWith("unknown-target");
        assertThat(unknown.text("detail")).contains("arduino-mega", "nucleo-l4r5zi");

        ApiClient.Response budgets = tune(Map.of(
                "target",
                "nucleo-l4r5zi",
                "budgetMinutes",
                0,
                "maxRamBytes",
                -1,
                "maxLatencyMs",
                0,
                "objective",
                "speed"));
        assertThat(budgets.status()).as(budgets.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        budgets.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("budgetMinutes", "maxRamBytes", "maxLatencyMs", "objective");

        ApiClient.Response missing = tune(Map.of("target", "nucleo-l4r5zi"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("budgetMinutes");

        ApiClient.Response notATuneJob = client.post(
                base + "/jobs/tune/" + UUID.randomUUID() + "/apply", Map.of("candidateId", "c01"), owner.auth());
        assertThat(notATuneJob.status()).isEqualTo(404);
        assertThat(notATuneJob.text("type")).endsWith("tune-not-found");
    }

    @Test
    void aShortSearchOnRealGesturesFindsCandidatesWithinTheBudgetAndAppliesTheBest() throws Exception {
        upload(UwaveUpload.zip(400));

        ApiClient.Response started = tune(Map.of(
                "target",
                "nucleo-l4r5zi",
                "maxLatencyMs",
                20,
                "maxRamBytes",
                32 * 1024,
                "maxFlashBytes",
                128 * 1024,
                "budgetMinutes",
                BUDGET_MINUTES,
                "seed",
                7));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.text("startsFrom")).isEqualTo("suggestion");
        assertThat(started.json().get("samples").asInt()).isEqualTo(400);
        String jobId = started.text("jobId");

        JsonNode job = await(jobId, Duration.ofMinutes(6));
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        JsonNode result =
                client.get("/api/v1/jobs/" + jobId + "/result", owner.auth()).json();
        JsonNode candidates = result.get("candidates");
        assertThat(candidates.size()).isGreaterThanOrEqualTo(2);
        assertThat(result.get("seconds").asDouble())
                .as("the search stops at its budget (plus the rung in training when it ran out)")
                .isLessThan(BUDGET_MINUTES * 60 + 90);
        assertThat(result.get("trainingSamples").asInt()
                        + result.get("validationSamples").asInt())
                .isEqualTo(400);
        assertThat(result.get("validationSamples").asInt())
                .as("a fifth of each label")
                .isBetween(72, 88);
        for (JsonNode c : candidates) {
            boolean fits = c.get("latencyMs").asDouble() <= 20
                    && c.get("ramBytes").asLong() <= 32 * 1024
                    && c.get("flashBytes").asLong() <= 128 * 1024;
            assertThat(c.get("fitsBudget").asBoolean()).as(c.toString()).isEqualTo(fits);
            assertThat(c.get("exceeds").isEmpty()).isEqualTo(fits);
            assertThat(c.get("measured").asBoolean())
                    .as("nothing was run in QEMU")
                    .isFalse();
            assertThat(c.get("validationAccuracy").asDouble()).isBetween(0.0, 1.0);
            assertThat(c.get("impulse").get("learningBlocks").get(0).get("settings"))
                    .isEqualTo(c.get("learningBlock"));
        }
        String best = result.get("best").asString();
        assertThat(best).as("some candidate fits 32 KB of RAM").isNotNull();
        assertThat(candidates.get(0).get("id").asString()).isEqualTo(best);
        assertThat(candidates.get(0).get("validationAccuracy").asDouble())
                .as("the best candidate learnt the gestures (8 classes: chance is 0.125)")
                .isGreaterThan(0.4);
        List<String> log = new ArrayList<>();
        client.get("/api/v1/jobs/" + jobId + "/logs?limit=1000", owner.auth())
                .json()
                .forEach(line -> log.add(line.get("line").asString()));
        assertThat(log).anyMatch(line -> line.startsWith("Rung 0:"));
        assertThat(log).anyMatch(line -> line.startsWith("Best candidate within the budget: " + best));

        ApiClient.Response applied =
                client.post(base + "/jobs/tune/" + jobId + "/apply", Map.of("candidateId", best), owner.auth());
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        int version = applied.json().get("impulseVersion").asInt();
        assertThat(version).isEqualTo(1);
        JsonNode impulse = client.get(base + "/impulse", owner.auth()).json().get("impulse");
        assertThat(impulse.get("version").asInt()).isEqualTo(version);
        JsonNode chosen = candidates.get(0).get("impulse");
        assertThat(impulse.get("input")).isEqualTo(chosen.get("input"));
        assertThat(impulse.get("processingBlocks").get(0).get("params"))
                .isEqualTo(chosen.get("processingBlocks").get(0).get("params"));
        assertThat(impulse.get("learningBlocks").get(0).get("settings"))
                .isEqualTo(candidates.get(0).get("learningBlock"));

        ApiClient.Response unknown =
                client.post(base + "/jobs/tune/" + jobId + "/apply", Map.of("candidateId", "c99"), owner.auth());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("type")).endsWith("tune-candidate-not-found");
    }

    @Test
    void aSearchCanBeCancelled() throws Exception {
        upload(UwaveUpload.zip(40));
        ApiClient.Response started = tune(Map.of("target", "nucleo-l4r5zi", "budgetMinutes", 30));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String jobId = started.text("jobId");

        ApiClient.Response cancel = client.post("/api/v1/jobs/" + jobId + "/cancel", Map.of(), owner.auth());
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);

        JsonNode job = await(jobId, Duration.ofMinutes(2));
        assertThat(job.get("state").asString()).isEqualTo("cancelled");
        ApiClient.Response apply =
                client.post(base + "/jobs/tune/" + jobId + "/apply", Map.of("candidateId", "c01"), owner.auth());
        assertThat(apply.status()).isEqualTo(409);
        assertThat(apply.text("type")).endsWith("tune-not-finished");
    }

    private JsonNode await(String jobId, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        JsonNode job = null;
        while (Instant.now().isBefore(deadline)) {
            job = client.get("/api/v1/jobs/" + jobId, owner.auth()).json();
            String state = job.get("state").asString();
            if (state.equals("succeeded") || state.equals("failed") || state.equals("cancelled")) {
                return job;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("job " + jobId + " did not end in " + limit + ": " + job);
    }

    private void upload(byte[] zip) {
        UwaveUpload.upload(port, owner, projectId, zip);
    }
}
