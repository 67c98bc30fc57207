package dev.edgeforge.api.compression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.BrowserSession;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.tflite.TfliteReader;
import dev.edgeforge.infra.job.Job;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.job.JobState;
import dev.edgeforge.infra.storage.ObjectStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Compression over REST against the real queue, the in-process training worker, the embedded PostgreSQL and the
 * filesystem object store: a gesture classifier trained by the real train job is compressed (magnitude and structured
 * pruning, distillation), its report shows real size and accuracy changes, a variant downloads as a readable
 * {@code .tflite} and is chosen for deployment; the checks before a start and access.
 */
@IntegrationTest
class CompressionIT {

    @LocalServerPort
    int port;

    @Autowired
    ObjectStore store;

    @Autowired
    JobQueue queue;

    @Autowired
    DataSource dataSource;

    @Autowired
    ChosenVariants chosenVariants;

    TrainedModels models;
    ApiClient client;
    User owner;
    User viewer;
    UUID projectId;
    String base;

    @BeforeEach
    void setUp() {
        models = new TrainedModels(queue, store, dataSource);
        client = ApiClient.stateless(port);
        owner = TestUsers.register(client, "compressor");
        viewer = TestUsers.register(client, "onlooker");
        projectId = TestUsers.createProject(client, owner, "Gestures");
        base = "/api/v1/projects/" + projectId;
        ApiClient.Response added =
                client.post(base + "/members", Map.of("email", viewer.email(), "role", "viewer"), owner.auth());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
    }

    @Test
    void compressesATrainedModelAndTheChosenVariantIsRecorded() throws Exception {
        TrainedModels.Trained trained = models.trainGestureClassifier(projectId, "Gestures v1");
        String modelBase = base + "/models/" + trained.modelId();
        JsonNode before = client.get(modelBase + "/compression", owner.auth()).json();
        assertThat(before.path("compressible").asBoolean())
                .as(before.toString())
                .isTrue();
        assertThat(before.path("result").isNull()).isTrue();
        assertThat(before.path("layers").size()).isEqualTo(2);
        assertThat(client.get(modelBase + "/variants/int8/tflite", owner.auth()).text("code"))
                .isEqualTo("compression-report-not-found");

        ApiClient.Response started = client.post(
                base + "/jobs/compress",
                Map.of(
                        "modelId",
                        trained.modelId(),
                        "magnitudePruning",
                        Map.of("targetSparsity", 0.6),
                        "structuredPruning",
                        Map.of("fraction", 0.5),
                        "distillation",
                        Map.of(
                                "studentLayers",
                                List.of(Map.of("type", "dense", "units", 6, "activation", "relu")),
                                "temperature",
                                4,
                                "alpha",
                                0.3,
                                "epochs",
                                30),
                        "fineTuneEpochs",
                        8,
                        "fineTuneLearningRate",
                        0.003),
                owner.auth());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        UUID jobId = UUID.fromString(started.text("jobId"));
        assertThat(started.text("modelId")).isEqualTo(trained.modelId().toString());

        // one compression at a time per model
        ApiClient.Response again = client.post(
                base + "/jobs/compress",
                Map.of("modelId", trained.modelId(), "structuredPruning", Map.of("fraction", 0.3)),
                owner.auth());
        Job job = models.await(jobId);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("compression-running");
        assertThat(job.state()).as(job.error()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.type()).isEqualTo("compress");
        List<String> lines = new ArrayList<>();
        client.send("GET", "/api/v1/jobs/" + jobId + "/logs", null, owner.auth(), List.of("Accept", "application/json"))
                .json()
                .forEach(line -> lines.add(line.path("line").asString()));
        assertThat(lines).contains("Stage 1/4: float32 and int8", "Stage 4/4: distillation");
        assertThat(lines)
                .filteredOn(l -> l.startsWith("structured pruning: Epoch "))
                .hasSize(8);

        // the report, as the viewer sees it too, once the job's end reached the compression's row
        JsonNode view = awaitLatestJob(modelBase, jobId, "succeeded");
        assertThat(view.path("latestJob").path("id").asString()).isEqualTo(jobId.toString());
        assertThat(view.path("latestJob").path("state").asString()).isEqualTo("succeeded");
        JsonNode result = view.path("result");
        assertThat(result.path("jobId").asString()).isEqualTo(jobId.toString());
        assertThat(result.path("options")
                        .path("magnitudePruning")
                        .path("targetSparsity")
                        .asDouble())
                .isEqualTo(0.6);
        assertThat(result.path("reportKey").asString())
                .isEqualTo("projects/" + projectId + "/models/" + trained.modelId() + "/compress-" + jobId
                        + "-1/compression-report.json");
        JsonNode report = result.path("report");
        assertThat(report.path("classNames").size()).isEqualTo(4);
        assertThat(report.path("testSamples").asInt()).isPositive();
        Map<String, JsonNode> variants = new HashMap<>();
        List<String> names = new ArrayList<>();
        report.path("variants").forEach(v -> {
            variants.put(v.path("name").asString(), v);
            names.add(v.path("name").asString());
        });
        assertThat(names)
                .containsExactly(
                        "float32",
                        "int8",
                        "magnitude-pruning",
                        "magnitude-pruning-int8",
                        "structured-pruning",
                        "structured-pruning-int8",
                        "distillation",
                        "distillation-int8");
        JsonNode float32 = variants.get("float32");
        JsonNode int8 = variants.get("int8");
        assertThat(float32.path("method").asString()).isEqualTo("baseline");
        assertThat(float32.path("parameters").asLong())
                .isEqualTo(trained.result().float32().parameters());
        assertThat(int8.path("weightBytes").asLong())
                .isLessThan(float32.path("weightBytes").asLong() / 3);
        assertThat(variants.get("magnitude-pruning").path("sparsity").asDouble())
                .isGreaterThan(0.55);
        assertThat(float32.path("sparsity").asDouble()).isLessThan(0.05);
        for (String smaller : List.of("structured-pruning", "distillation")) {
            JsonNode v = variants.get(smaller);
            assertThat(v.path("weightBytes").asLong())
                    .as(smaller)
                    .isLessThan(float32.path("weightBytes").asLong() * 6 / 10);
            assertThat(v.path("macs").asLong())
                    .as(smaller)
                    .isLessThan(float32.path("macs").asLong() * 6 / 10);
            assertThat(v.path("activationLowerBound").asInt())
                    .as(smaller)
                    .isLessThanOrEqualTo(float32.path("activationLowerBound").asInt());
        }
        for (JsonNode v : variants.values()) {
            assertThat(v.path("testAccuracy").asDouble())
                    .as(v.path("name").asString())
                    .isGreaterThan(0.6);
        }

        // a variant's .tflite, readable and as the report measured it
        HttpResponse<byte[]> file = download(modelBase + "/variants/structured-pruning-int8/tflite", owner);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
                .contains("gestures-v1-structured-pruning-int8.tflite");
        JsonNode structuredInt8 = variants.get("structured-pruning-int8");
        assertThat(file.body().length)
                .isEqualTo(structuredInt8.path("tfliteBytes").asInt());
        ModelGraph graph = new TfliteReader().read(file.body());
        assertThat(graph.inputTensor(0).type()).isEqualTo(DataType.INT8);
        assertThat(graph.inputTensor(0).shape()).containsExactly(1, 33);
        assertThat(result.path("downloads").path("distillation").asString())
                .isEqualTo(modelBase + "/variants/distillation/tflite?jobId=" + jobId);
        assertThat(download(modelBase + "/variants/pruned-int4/tflite", owner).statusCode())
                .isEqualTo(404);

        // choosing the variant to deploy
        ApiClient.Response unknown =
                client.post(modelBase + "/deploy-variant", Map.of("variant", "int4"), owner.auth());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("variant-not-found");
        assertThat(client.post(modelBase + "/deploy-variant", Map.of("variant", "int8"), viewer.auth())
                        .status())
                .isEqualTo(403);
        ApiClient.Response chosen = client.post(
                modelBase + "/deploy-variant",
                Map.of("variant", "structured-pruning-int8", "jobId", jobId),
                owner.auth());
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.text("variant")).isEqualTo("structured-pruning-int8");
        JsonNode afterChoice =
                client.get(modelBase + "/compression", owner.auth()).json();
        assertThat(afterChoice.path("chosen").path("variant").asString()).isEqualTo("structured-pruning-int8");
        ChosenVariant recorded =
                chosenVariants.chosen(projectId, trained.modelId()).orElseThrow();
        assertThat(recorded.jobId()).isEqualTo(jobId);
        assertThat(recorded.chosenBy()).isEqualTo(owner.id());
        assertThat(models.bytes(recorded.tfliteKey())).isEqualTo(file.body());
        assertThat(client.post(modelBase + "/deploy-variant", Map.of("variant", "distillation-int8"), owner.auth())
                        .status())
                .isEqualTo(200);
        assertThat(chosenVariants
                        .chosen(projectId, trained.modelId())
                        .orElseThrow()
                        .variant())
                .isEqualTo("distillation-int8");
        JsonNode listed = client.get(base + "/models/" + trained.modelId() + "/compression", owner.auth())
                .json();
        assertThat(listed.path("chosen").path("variant").asString()).isEqualTo("distillation-int8");
    }

    @Test
    void startsOnlyValidCompressionsOfReadyTrainedClassifiersAndOnlyForMembers() {
        UUID ready = models.insertWithoutFiles(projectId, "Ready", "classification", "ready");
        UUID training = models.insertWithoutFiles(projectId, "Still training", "classification", "training");
        UUID regression = models.insertWithoutFiles(projectId, "Regressor", "regression", "ready");
        Map<String, Object> structured = Map.of("fraction", 0.5);

        assertThat(client.post(
                                base + "/jobs/compress",
                                Map.of("modelId", ready, "structuredPruning", structured),
                                viewer.auth())
                        .status())
                .isEqualTo(403);
        assertProblem(
                client.post(
                        base + "/jobs/compress",
                        Map.of("modelId", UUID.randomUUID(), "structuredPruning", structured),
                        owner.auth()),
                404,
                "model-not-found");
        assertProblem(
                client.post(
                        base + "/jobs/compress",
                        Map.of("modelId", training, "structuredPruning", structured),
                        owner.auth()),
                409,
                "model-not-ready");
        assertProblem(
                client.post(
                        base + "/jobs/compress",
                        Map.of("modelId", regression, "structuredPruning", structured),
                        owner.auth()),
                400,
                "model-not-compressible");
        assertProblem(
                client.post(base + "/jobs/compress", Map.of("structuredPruning", structured), owner.auth()),
                400,
                "validation-failed");

        ApiClient.Response noStage = client.post(base + "/jobs/compress", Map.of("modelId", ready), owner.auth());
        assertProblem(noStage, 400, "validation-failed");
        assertThat(noStage.text("detail")).contains("choose at least one of magnitudePruning");

        ApiClient.Response outOfRange = client.post(
                base + "/jobs/compress",
                Map.of("modelId", ready, "magnitudePruning", Map.of("targetSparsity", 1.5), "fineTuneEpochs", 0),
                owner.auth());
        assertProblem(outOfRange, 400, "validation-failed");
        assertThat(fields(outOfRange)).containsExactly("magnitudePruning.targetSparsity", "fineTuneEpochs");

        ApiClient.Response misspelt = client.post(
                base + "/jobs/compress", Map.of("modelId", ready, "structuredPrunning", structured), owner.auth());
        assertProblem(misspelt, 400, "validation-failed");
        assertThat(misspelt.body()).contains("structuredPrunning");

        ApiClient.Response badStudent = client.post(
                base + "/jobs/compress",
                Map.of(
                        "modelId",
                        ready,
                        "distillation",
                        Map.of(
                                "studentLayers",
                                List.of(Map.of("type", "conv1d", "filters", 4, "kernelSize", 3, "stride", 1)))),
                owner.auth());
        assertProblem(badStudent, 400, "validation-failed");
        assertThat(fields(badStudent)).contains("distillation.studentLayers[0]");

        // everything checks out, but the trained network is not in the object store
        assertProblem(
                client.post(
                        base + "/jobs/compress",
                        Map.of("modelId", ready, "structuredPruning", structured),
                        owner.auth()),
                400,
                "model-not-compressible");

        JsonNode view = client.get(base + "/models/" + training + "/compression", viewer.auth())
                .json();
        assertThat(view.path("compressible").asBoolean()).isFalse();
        // "training", or "failed" once the models feature's reconciler finds no train job behind the row
        assertThat(view.path("reason").asString()).contains("not ready");
        assertThat(client.get(base + "/models/" + regression + "/compression", viewer.auth())
                        .json()
                        .path("reason")
                        .asString())
                .contains("Only classification models");
        User stranger = TestUsers.register(client, "stranger");
        assertThat(client.get(base + "/models/" + ready + "/compression", stranger.auth())
                        .status())
                .isEqualTo(404);
        assertProblem(
                client.post(base + "/models/" + ready + "/deploy-variant", Map.of("variant", "int8"), owner.auth()),
                404,
                "compression-report-not-found");

        // the pages: viewers see them without the form, strangers not at all
        BrowserSession session = BrowserSession.signIn(port, viewer.email(), viewer.password());
        ApiClient.Response list = session.page("/projects/" + projectId + "/compression");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains(
                        "Still training",
                        "Regressor",
                        "classification only",
                        "/projects/" + projectId + "/models/" + ready + "/compression");
        ApiClient.Response page = session.page("/projects/" + projectId + "/models/" + training + "/compression");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Viewers can look at reports", "compression-page.js")
                .doesNotContain("id=\"compress-form\"");
        BrowserSession strangerSession = BrowserSession.signIn(port, stranger.email(), stranger.password());
        assertThat(strangerSession
                        .page("/projects/" + projectId + "/models/" + ready + "/compression")
                        .status())
                .isEqualTo(404);
    }

    /**
     * GETs the model's compression until its latest job is {@code jobId} in {@code state}: the row follows the job's
     * events, within about a second of the job's end.
     */
    private JsonNode awaitLatestJob(String modelBase, UUID jobId, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        JsonNode view = null;
        while (System.nanoTime() < deadline) {
            view = client.get(modelBase + "/compression", viewer.auth()).json();
            JsonNode latest = view.path("latestJob");
            if (latest.path("id").asString().equals(jobId.toString())
                    && latest.path("state").asString().equals(state)) {
                return view;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("the compression's latest job did not become " + jobId + " " + state + ": " + view);
    }

    private static void assertProblem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).as(response.body()).isEqualTo(code);
    }

    private static List<String> fields(ApiClient.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    private HttpResponse<byte[]> download(String path, User user) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + user.token())
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }
}
