package dev.edgeforge.api.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.estimate.DeploymentEstimator;
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
            assertThat(c.get("validationAccuracy").asDouble()).isBetween(0.0, 1.0);
            assertThat(c.get("impulse").get("learningBlocks").get(0).get("settings"))
                    .isEqualTo(c.get("learningBlock"));
        }
        assertThat(candidates).allMatch(c -> !c.get("measured").asBoolean(), "the job's own result is estimated");
        JsonNode finalists = result.get("finalists");
        assertThat(finalists.size())
                .as("the NUCLEO-L4R5ZI's Cortex-M4F is emulated: the best three within the budget are finalists")
                .isBetween(1, 3);

        // the firmware builder measures the finalists in QEMU; the tuner's view puts the measured costs in
        JsonNode view = awaitMeasurement(jobId, Duration.ofMinutes(12));
        assertThat(view.get("measurement").get("state").asString())
                .as(view.get("measurement").toString())
                .isEqualTo("succeeded");
        assertThat(view.get("measurement").get("emulator").asString()).isEqualTo("netduinoplus2-qemu");
        List<JsonNode> measured = new ArrayList<>();
        view.get("result").get("candidates").forEach(c -> {
            if (c.get("measured").asBoolean()) {
                measured.add(c);
            }
        });
        assertThat(measured).hasSize(finalists.size());
        for (JsonNode c : measured) {
            JsonNode m = c.get("measurement");
            JsonNode estimate = c.get("estimate");
            // the figures the README and the report quote
            System.out.println(
                    "tune measurement " + c.get("id").asString() + ": estimate " + estimate + " measured " + m);
            assertThat(m.get("verified").asBoolean()).as(m.toString()).isTrue();
            // the largest inference, and the largest DSP and network parts (each over the windows)
            assertThat(m.get("instructions").asLong())
                    .isPositive()
                    .isLessThanOrEqualTo(m.get("dspInstructions").asLong()
                            + m.get("networkInstructions").asLong())
                    .isGreaterThanOrEqualTo(Math.max(
                            m.get("dspInstructions").asLong(),
                            m.get("networkInstructions").asLong()));
            assertThat(c.get("latencyMs").asDouble())
                    .as("instructions at the estimator's cycles per instruction for the L4R5 (Cortex-M4F) at 120 MHz")
                    .isCloseTo(
                            m.get("instructions").asLong()
                                    * DeploymentEstimator.cyclesPerInstruction(
                                            BoardCatalogue.standard().byId("nucleo-l4r5zi"))
                                    / 120_000.0,
                            within(1e-6));
            assertThat(c.get("ramBytes").asLong()).isEqualTo(m.get("ramBytes").asLong());
            assertThat(c.get("flashBytes").asLong())
                    .isEqualTo(m.get("flashBytes").asLong());
            boolean fits = c.get("latencyMs").asDouble() <= 20
                    && c.get("ramBytes").asLong() <= 32 * 1024
                    && c.get("flashBytes").asLong() <= 128 * 1024;
            assertThat(c.get("fitsBudget").asBoolean())
                    .as("fit is judged on the measured costs")
                    .isEqualTo(fits);
            assertThat(estimate.get("ramBytes").asLong())
                    .as("the estimate is kept")
                    .isPositive();
            assertThat(m.get("peakRamBytes").asLong())
                    .isPositive()
                    .isLessThanOrEqualTo(m.get("ramBytes").asLong());
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

    private JsonNode awaitMeasurement(String jobId, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        JsonNode view = null;
        while (Instant.now().isBefore(deadline)) {
            view = client.get(base + "/jobs/tune/" + jobId, owner.auth()).json();
            String state = view.get("measurement").get("state").asString();
            if (!List.of("pending", "queued", "running").contains(state)) {
                return view;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the measurement of " + jobId + " did not end in " + limit + ": " + view);
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
