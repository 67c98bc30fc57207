package dev.edgeforge.api.model;

import static dev.edgeforge.api.model.ModelTesting.awaitJob;
import static dev.edgeforge.api.model.ModelTesting.awaitModel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import dev.edgeforge.app.testing.OwnedProject;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.format.ei.EiAcquisitionWriter;
import dev.edgeforge.core.format.ei.EiSigning;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.stats.GraphPredictor;
import dev.edgeforge.core.synthetic.GestureDataset.Gesture;
import dev.edgeforge.core.synthetic.SyntheticSample;
import dev.edgeforge.core.tflite.TfliteReader;
import dev.edgeforge.infra.storage.ObjectStore;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Training over REST against the real queue, the in-process training worker, the embedded PostgreSQL and the
 * filesystem object store, on synthetic gesture features: a classifier end to end (metrics, confusion matrix,
 * predictions, both .tflite files, testing, live classification), regression and K-means, cancel, readable failures,
 * validation and access.
 */
@IntegrationTest
class ModelTrainingIT extends OwnedProject {

    private static final Duration JOB_LIMIT = Duration.ofSeconds(180);

    @Autowired
    ObjectStore store;

    @Autowired
    TestModelPorts.Registry registry;

    ModelTrainingIT() {
        super("trainer", "Gestures");
    }

    @Test
    void trainsAClassifierEndToEnd() throws Exception {
        GestureProject project = GestureProject.classic(projectId, store, registry);

        ApiClient.Response started = client.post(
                base + "/jobs/train",
                Map.of("name", "Gestures v1", "hyperparameters", Map.of("epochs", 10, "learningRate", 0.005)),
                owner.auth());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        UUID jobId = UUID.fromString(started.text("jobId"));
        UUID modelId = UUID.fromString(started.text("modelId"));
        JsonNode training =
                client.get(base + "/models/" + modelId, owner.auth()).json();
        assertThat(training.path("state").asString()).isIn("training", "ready");

        JsonNode job = awaitJob(client, owner, jobId, "succeeded", JOB_LIMIT);
        assertThat(job.path("type").asString()).isEqualTo("train");
        assertThat(job.path("progress").asDouble()).isEqualTo(1.0);
        ApiClient.Response logs = client.send(
                "GET", "/api/v1/jobs/" + jobId + "/logs", null, owner.auth(), List.of("Accept", "application/json"));
        List<String> lines = new ArrayList<>();
        logs.json().forEach(line -> lines.add(line.path("line").asString()));
        assertThat(lines)
                .filteredOn(line -> line.startsWith("Epoch "))
                .hasSize(10)
                .first()
                .asString()
                .startsWith("Epoch 1/10: loss ");

        JsonNode model = awaitModel(client, owner, projectId, modelId, "ready");
        assertThat(model.path("name").asString()).isEqualTo("Gestures v1");
        assertThat(model.path("kind").asString()).isEqualTo("classification");
        assertThat(model.path("source").asString()).isEqualTo("trained");
        List<String> labels = strings(model.path("labels"));
        assertThat(labels).containsExactly("circle", "idle", "updown", "wave");
        JsonNode validation = model.path("metrics").path("validation");
        assertThat(validation.path("float32").path("accuracy").asDouble()).isGreaterThan(0.6);
        assertThat(validation.path("float32").path("confusionMatrix").size()).isEqualTo(4);
        // issue #12: square, a column per class; the uncertain windows beside it, per true class
        assertThat(validation.path("float32").path("confusionMatrix").get(0).size())
                .isEqualTo(4);
        assertThat(validation.path("float32").path("uncertainByClass").size()).isEqualTo(4);
        assertThat(validation.path("float32").path("perClass").size()).isEqualTo(4);
        assertThat(validation.path("float32").path("perClass").get(0).has("f1")).isTrue();
        assertThat(validation.path("int8").path("accuracy").asDouble()).isGreaterThan(0.5);
        JsonNode test = model.path("metrics").path("test");
        assertThat(test.path("windows").asInt())
                .isEqualTo(project.testing.rows().size());
        assertThat(test.path("int8Agreement").asDouble()).isGreaterThan(0.85);
        assertThat(model.path("history").size()).isEqualTo(10);
        assertThat(model.path("history").get(9).path("epoch").asInt()).isEqualTo(10);
        assertThat(model.path("sizes").path("int8").path("parameters").asLong())
                .isEqualTo(33 * 20 + 20 + 20 * 10 + 10 + 10 * 4 + 4);
        assertThat(model.path("sizes").path("int8").path("arenaBytes").asInt()).isPositive();
        assertThat(model.path("variants").path("int8").asBoolean()).isTrue();
        assertThat(model.path("variants").path("float32").asBoolean()).isTrue();
        JsonNode lineage = model.path("lineage");
        assertThat(lineage.path("impulseVersion").asInt()).isEqualTo(1);
        assertThat(lineage.path("datasetVersion").asInt()).isEqualTo(3);
        assertThat(lineage.path("seed").asLong()).isEqualTo(42);
        assertThat(lineage.path("hyperparameters").path("epochs").asInt()).isEqualTo(10);
        assertThat(lineage.path("learningBlock").path("layers").size()).isEqualTo(2);
        assertThat(lineage.path("trainJobId").asString()).isEqualTo(jobId.toString());

        ApiClient.Response listed = client.get(base + "/models", owner.auth());
        assertThat(listed.json().get(0).path("id").asString()).isEqualTo(modelId.toString());
        assertThat(listed.json()
                        .get(0)
                        .path("summary")
                        .path("validationAccuracy")
                        .asDouble())
                .isEqualTo(validation.path("float32").path("accuracy").asDouble());

        // per-window predictions; a higher threshold makes more windows uncertain
        JsonNode predictions = client.get(base + "/models/" + modelId + "/predictions", owner.auth())
                .json();
        assertThat(predictions.path("rows").size())
                .isEqualTo(project.testing.rows().size());
        JsonNode first = predictions.path("rows").get(0);
        assertThat(first.path("scores").size()).isEqualTo(4);
        assertThat(labels).contains(first.path("label").asString());
        assertThat(predictions.path("accuracy").asDouble())
                .isEqualTo(test.path("float32").path("accuracy").asDouble(), Offset.offset(1e-9));
        int lenient = uncertain(client.get(base + "/models/" + modelId + "/predictions?threshold=0", owner.auth()));
        int strict = uncertain(client.get(base + "/models/" + modelId + "/predictions?threshold=0.99", owner.auth()));
        assertThat(lenient).isZero();
        assertThat(strict).isPositive();
        assertThat(client.get(base + "/models/" + modelId + "/predictions?threshold=2", owner.auth())
                        .status())
                .isEqualTo(400);

        // both .tflite files read back, and int8 agrees with float32 on the class of most test windows
        HttpResponse<byte[]> int8File =
                ModelTesting.download(port, owner, base + "/models/" + modelId + "/tflite?variant=int8");
        HttpResponse<byte[]> float32File =
                ModelTesting.download(port, owner, base + "/models/" + modelId + "/tflite?variant=float32");
        assertThat(int8File.statusCode()).isEqualTo(200);
        assertThat(int8File.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment")
                .contains("Gestures-v1-int8.tflite");
        ModelGraph int8 = new TfliteReader().read(int8File.body());
        ModelGraph float32 = new TfliteReader().read(float32File.body());
        assertThat(int8.inputTensor(0).type()).isEqualTo(DataType.INT8);
        assertThat(float32.inputTensor(0).type()).isEqualTo(DataType.FLOAT32);
        assertThat(int8.labels()).isEqualTo(labels);
        GraphPredictor q = new GraphPredictor(int8);
        GraphPredictor f = new GraphPredictor(float32);
        int same = 0;
        for (FeatureRow row : project.testing.rows()) {
            same += GraphPredictor.argmax(q.predict(row.features())) == GraphPredictor.argmax(f.predict(row.features()))
                    ? 1
                    : 0;
        }
        assertThat((double) same / project.testing.rows().size()).isGreaterThan(0.85);
        assertThat(ModelTesting.download(port, owner, base + "/models/" + modelId + "/tflite?variant=int4")
                        .statusCode())
                .isEqualTo(400);

        // live classification: a stored sample and the same recording uploaded as a file give the same answer
        SyntheticSample sample = project.testSamples.values().iterator().next();
        ApiClient.Response bySample =
                client.post(base + "/models/" + modelId + "/classify", Map.of("sampleId", sample.name()), owner.auth());
        assertThat(bySample.status()).as(bySample.body()).isEqualTo(200);
        JsonNode windows = bySample.json().path("windows");
        assertThat(windows.size())
                .isEqualTo(project.testing.rows().stream()
                        .filter(r -> r.sampleId().equals(sample.name()))
                        .count());
        assertThat(windows.get(0).path("float32").size()).isEqualTo(4);
        assertThat(labels).contains(windows.get(0).path("int8Predicted").asString());
        assertThat(bySample.json().path("label").asString()).isEqualTo(sample.label());
        ApiClient.Response byFile = ModelTesting.upload(
                port,
                owner,
                base + "/models/" + modelId + "/classify",
                "file",
                sample.name() + ".json",
                EiAcquisitionWriter.writeJson(sample.data(), EiSigning.none()));
        assertThat(byFile.status()).as(byFile.body()).isEqualTo(200);
        assertThat(byFile.json().path("counts")).isEqualTo(bySample.json().path("counts"));
        assertThat(client.post(
                                base + "/models/" + modelId + "/classify",
                                Map.of("sampleId", "no-such-sample"),
                                owner.auth())
                        .text("code"))
                .isEqualTo("sample-not-found");
        ApiClient.Response garbage = ModelTesting.upload(
                port,
                owner,
                base + "/models/" + modelId + "/classify",
                "file",
                "noise.json",
                "{not json".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.text("code")).isEqualTo("sample-not-classifiable");

        // re-test on the current test set with another threshold
        ApiClient.Response retest = client.post(
                base + "/jobs/test", Map.of("modelId", modelId.toString(), "uncertainThreshold", 0.0), owner.auth());
        assertThat(retest.status()).as(retest.body()).isEqualTo(202);
        awaitJob(client, owner, UUID.fromString(retest.text("jobId")), "succeeded", JOB_LIMIT);
        JsonNode retested = awaitApplied(modelId);
        assertThat(retested.path("metrics")
                        .path("test")
                        .path("float32")
                        .path("uncertainThreshold")
                        .asDouble())
                .isEqualTo(0.0);
        assertThat(retested.path("uncertainThreshold").asDouble()).isEqualTo(0.0);
        assertThat(retested.path("metrics").path("validation")).isEqualTo(validation);

        // rename, delete (files go too)
        ApiClient.Response renamed =
                client.patch(base + "/models/" + modelId, Map.of("name", "Gestures final"), owner.auth());
        assertThat(renamed.text("name")).isEqualTo("Gestures final");
        assertThat(client.delete(base + "/models/" + modelId, owner.auth()).status())
                .isEqualTo(204);
        assertThat(client.get(base + "/models/" + modelId, owner.auth()).text("code"))
                .isEqualTo("model-not-found");
        try (var objects = store.list("projects/" + projectId + "/models/" + modelId + "/")) {
            assertThat(objects.count()).isZero();
        }
    }

    /** The confusion in the metrics is the count of the predictions table's rows, a missed anomaly being wrong. */
    private static void assertAnomalyFiguresMatchTheRows(JsonNode test, JsonNode predictions, double threshold) {
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        int correct = 0;
        for (JsonNode row : predictions.path("rows")) {
            boolean anomalous = !row.path("label").asString().equals("idle")
                    && !row.path("label").asString().equals("wave");
            boolean called = row.path("scores").get(0).asDouble() > threshold;
            assertThat(row.path("predicted").asString()).isEqualTo(called ? "anomaly" : "normal");
            assertThat(row.path("correct").asBoolean()).isEqualTo(called == anomalous);
            tp += anomalous && called ? 1 : 0;
            fn += anomalous && !called ? 1 : 0;
            fp += !anomalous && called ? 1 : 0;
            tn += !anomalous && !called ? 1 : 0;
            correct += called == anomalous ? 1 : 0;
        }
        JsonNode confusion = test.path("confusion");
        assertThat(List.of(
                        confusion.path("truePositives").asInt(),
                        confusion.path("falsePositives").asInt(),
                        confusion.path("trueNegatives").asInt(),
                        confusion.path("falseNegatives").asInt()))
                .containsExactly(tp, fp, tn, fn);
        assertThat(predictions.path("accuracy").asDouble())
                .isEqualTo(confusion.path("accuracy").asDouble())
                .isEqualTo((double) correct / predictions.path("rows").size());
    }

    @Test
    void trainsRegressionAndKMeansAnomalyModels() throws Exception {
        GestureProject project = GestureProject.create(
                projectId,
                store,
                registry,
                GestureProject.gestures(Gesture.IDLE, Gesture.WAVE),
                GestureProject.gestures(Gesture.IDLE, Gesture.WAVE, Gesture.UPDOWN),
                2,
                2);
        // as the feature job writes them: one label dictionary for both files, so the training file names "updown"
        project.register(store, registry, project.withEmptyClass("updown"), project.testing);

        JsonNode kmeans = trainUntilReady(Map.of(
                "learningBlock",
                Map.of(
                        "kind",
                        "anomaly_kmeans",
                        "kmeans",
                        Map.of("clusterCount", 8, "maxIterations", 100, "standardize", true))));
        String anomalyId = kmeans.path("id").asString();
        assertThat(kmeans.path("kind").asString()).isEqualTo("anomaly");
        assertThat(kmeans.path("metrics").path("anomaly").path("clusters").asInt())
                .isEqualTo(8);
        assertThat(kmeans.path("metrics")
                        .path("anomaly")
                        .path("test")
                        .path("auc")
                        .asDouble())
                .isGreaterThan(0.8);
        assertThat(kmeans.path("variants").path("int8").asBoolean()).isFalse();
        assertThat(kmeans.path("variants").path("int8UnavailableReason").asString())
                .contains("K-means");
        // issue #19: the test set's anomaly label is not a training label
        assertThat(strings(kmeans.path("labels"))).containsExactly("idle", "wave");
        JsonNode anomalyTest = kmeans.path("metrics").path("anomaly").path("test");
        long updown = project.testing.rows().stream()
                .filter(r -> r.label().equals("updown"))
                .count();
        assertThat(anomalyTest.path("anomalies").asLong()).isEqualTo(updown);
        double threshold = kmeans.path("anomalyThreshold").asDouble();
        JsonNode scored = client.get(base + "/models/" + anomalyId + "/predictions", owner.auth())
                .json();
        assertThat(scored.path("rows").size()).isEqualTo(project.testing.rows().size());
        assertThat(scored.path("threshold").asDouble()).isEqualTo(threshold);
        assertAnomalyFiguresMatchTheRows(anomalyTest, scored, threshold);

        // saving a threshold recomputes the figures at it (they stayed at the old threshold before)
        double lower = threshold / 2;
        ApiClient.Response patched =
                client.patch(base + "/models/" + anomalyId, Map.of("anomalyThreshold", lower), owner.auth());
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().path("anomalyThreshold").asDouble()).isEqualTo(lower);
        JsonNode saved = patched.json().path("metrics").path("anomaly");
        assertThat(saved.path("threshold").asDouble()).isEqualTo(lower);
        assertThat(saved.path("test").path("threshold").asDouble()).isEqualTo(lower);
        assertThat(saved.path("test").path("auc").asDouble())
                .isEqualTo(anomalyTest.path("auc").asDouble());
        JsonNode rescored = client.get(base + "/models/" + anomalyId + "/predictions", owner.auth())
                .json();
        assertThat(rescored.path("threshold").asDouble()).isEqualTo(lower);
        assertAnomalyFiguresMatchTheRows(saved.path("test"), rescored, lower);
        assertThat(client.patch(base + "/models/" + anomalyId, Map.of("anomalyThreshold", "NaN"), owner.auth())
                        .status())
                .isEqualTo(400);
        assertThat(ModelTesting.download(port, owner, base + "/models/" + anomalyId + "/tflite")
                        .statusCode())
                .isEqualTo(409);

        project.register(
                store,
                registry,
                GestureProject.regression(project.training),
                GestureProject.regression(project.testing));
        JsonNode model = trainUntilReady(Map.of(
                "learningBlock",
                        Map.of(
                                "kind",
                                "regression",
                                "layers",
                                List.of(Map.of("type", "dense", "units", 16, "activation", "relu"))),
                "hyperparameters", Map.of("epochs", 30, "learningRate", 0.01)));
        assertThat(model.path("kind").asString()).isEqualTo("regression");
        assertThat(strings(model.path("labels"))).containsExactly("value");
        JsonNode validation = model.path("metrics").path("validation").path("float32");
        // a model that learned nothing would be off by the targets' standard deviation
        assertThat(validation.path("rmse").asDouble()).isPositive().isLessThan(0.5 * targetStd(project));
        assertThat(model.path("metrics")
                        .path("test")
                        .path("float32")
                        .path("mae")
                        .asDouble())
                .isPositive();
        assertThat(model.path("history").get(0).path("trainAccuracy").isNull()).isTrue();
    }

    @Test
    void cancelEndsTrainingWithinAnEpoch() {
        GestureProject.classic(projectId, store, registry);
        ApiClient.Response started = client.post(
                base + "/jobs/train", Map.of("hyperparameters", Map.of("epochs", 2000, "batchSize", 2)), owner.auth());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        UUID jobId = UUID.fromString(started.text("jobId"));
        awaitEpochs(jobId, 2);

        ApiClient.Response cancelled = client.post("/api/v1/jobs/" + jobId + "/cancel", Map.of(), owner.auth());
        assertThat(cancelled.status()).isEqualTo(200);
        JsonNode job = awaitJob(client, owner, jobId, "cancelled", Duration.ofSeconds(30));
        assertThat(job.path("progress").asDouble()).isLessThan(0.1);
        JsonNode model = awaitModel(client, owner, projectId, UUID.fromString(started.text("modelId")), "cancelled");
        assertThat(model.path("variants").path("int8").asBoolean()).isFalse();
    }

    @Test
    void anEmptyClassFailsTheJobWithAReadableError() {
        GestureProject project = GestureProject.classic(projectId, store, registry);
        project.register(store, registry, project.withEmptyClass("shake"), project.testing);

        ApiClient.Response started =
                client.post(base + "/jobs/train", Map.of("hyperparameters", Map.of("epochs", 3)), owner.auth());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode job = awaitJob(client, owner, UUID.fromString(started.text("jobId")), "failed", JOB_LIMIT);
        assertThat(job.path("attempt").asInt()).isEqualTo(1);
        assertThat(job.path("attempts").get(0).path("outcome").asString()).isEqualTo("failed");
        assertThat(job.path("attempts").get(0).path("reason").asString())
                .isEqualTo(job.path("error").asString());
        assertThat(job.path("error").asString()).contains("shake").doesNotContain("Exception");
        JsonNode model = awaitModel(client, owner, projectId, UUID.fromString(started.text("modelId")), "failed");
        assertThat(model.path("error").asString()).isEqualTo(job.path("error").asString());
        assertThat(client.post(base + "/jobs/test", Map.of("modelId", started.text("modelId")), owner.auth())
                        .text("code"))
                .isEqualTo("model-not-ready");
    }

    @Test
    void refusesBadSettingsBeforeStoringAnything() {
        assertThat(client.post(base + "/jobs/train", Map.of(), owner.auth()).text("code"))
                .isEqualTo("features-not-generated");
        GestureProject.classic(projectId, store, registry);

        ApiClient.Response badLayer = client.post(
                base + "/jobs/train",
                Map.of(
                        "learningBlock",
                        Map.of(
                                "kind",
                                "classification",
                                "layers",
                                List.of(
                                        Map.of("type", "conv1d", "filters", 8, "kernelSize", 3, "stride", 1),
                                        Map.of("type", "dense", "units", 0)))),
                owner.auth());
        assertThat(badLayer.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        badLayer.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).contains("learningBlock.layers[0]", "learningBlock.layers[1]");
        assertThat(badLayer.text("detail")).contains("layer 0 (conv1d)");
        ApiClient.Response incomplete = client.post(
                base + "/jobs/train",
                Map.of(
                        "learningBlock",
                        Map.of("kind", "classification", "layers", List.of(Map.of("type", "conv1d", "filters", 8)))),
                owner.auth());
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().path("errors").get(0).path("field").asString())
                .startsWith("learningBlock.layers[0].");

        ApiClient.Response typo =
                client.post(base + "/jobs/train", Map.of("hyperparameters", Map.of("epoch", 5)), owner.auth());
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().path("errors").get(0).path("field").asString()).isEqualTo("hyperparameters.epoch");
        ApiClient.Response range =
                client.post(base + "/jobs/train", Map.of("hyperparameters", Map.of("epochs", 0)), owner.auth());
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.text("detail")).contains("epochs");
        assertThat(client.get(base + "/models", owner.auth()).json().size()).isZero();

        JsonNode check = client.post(
                        base + "/training/architecture-check",
                        Map.of(
                                "learningBlock",
                                Map.of(
                                        "kind",
                                        "classification",
                                        "layers",
                                        List.of(Map.of("type", "dense", "units", 20, "activation", "relu")))),
                        owner.auth())
                .json();
        assertThat(check.path("valid").asBoolean()).isTrue();
        assertThat(check.path("parameters").asLong()).isEqualTo(33 * 20 + 20 + 20 * 4 + 4);
        assertThat(check.path("layers").get(1).path("head").asBoolean()).isTrue();
        JsonNode defaults =
                client.get(base + "/training/defaults", owner.auth()).json();
        assertThat(defaults.path("featuresAvailable").asBoolean()).isTrue();
        assertThat(defaults.path("featureShape").get(0).asInt()).isEqualTo(33);
        assertThat(defaults.path("learningBlock").path("kind").asString()).isEqualTo("classification");
        assertThat(strings(defaults.path("layerTypes"))).contains("dense", "conv1d", "depthwise_conv2d");
    }

    @Test
    void viewersSeeModelsButCannotTrainAndStrangersSeeNothing() {
        GestureProject.classic(projectId, store, registry);
        User viewer = TestUsers.register(client, "viewer");
        assertThat(client.post(base + "/members", Map.of("email", viewer.email(), "role", "viewer"), owner.auth())
                        .status())
                .isEqualTo(201);
        User stranger = TestUsers.register(client, "stranger");

        assertThat(client.post(base + "/jobs/train", Map.of(), viewer.auth()).status())
                .isEqualTo(403);
        assertThat(client.get(base + "/models", viewer.auth()).status()).isEqualTo(200);
        assertThat(client.get(base + "/training/defaults", viewer.auth()).status())
                .isEqualTo(200);
        assertThat(client.get(base + "/models", stranger.auth()).status()).isEqualTo(404);
        assertThat(client.post(base + "/jobs/train", Map.of(), stranger.auth()).status())
                .isEqualTo(404);
        assertThat(client.get(base + "/models", ApiClient.Auth.none()).status()).isEqualTo(401);
        assertThat(client.get(base + "/models/" + UUID.randomUUID(), owner.auth())
                        .text("code"))
                .isEqualTo("model-not-found");
    }

    @Test
    void theModelEndpointsAreInTheOpenApiDocument() {
        JsonNode paths =
                client.get("/v3/api-docs", ApiClient.Auth.none()).json().path("paths");
        assertThat(paths.propertyNames())
                .contains(
                        "/api/v1/projects/{projectId}/jobs/train",
                        "/api/v1/projects/{projectId}/jobs/test",
                        "/api/v1/projects/{projectId}/models",
                        "/api/v1/projects/{projectId}/models/{modelId}",
                        "/api/v1/projects/{projectId}/models/{modelId}/tflite",
                        "/api/v1/projects/{projectId}/models/import",
                        "/api/v1/projects/{projectId}/models/{modelId}/predictions",
                        "/api/v1/projects/{projectId}/models/{modelId}/classify");
    }

    private JsonNode awaitApplied(UUID modelId) {
        for (int i = 0; i < 100; i++) {
            JsonNode model =
                    client.get(base + "/models/" + modelId, owner.auth()).json();
            if (model.path("pendingTestJobId").isNull()) {
                return model;
            }
            ModelTesting.sleep(200);
        }
        throw new AssertionError("the test job was not applied to model " + modelId);
    }

    private void awaitEpochs(UUID jobId, int epochs) {
        for (int i = 0; i < 600; i++) {
            ApiClient.Response logs = client.send(
                    "GET",
                    "/api/v1/jobs/" + jobId + "/logs",
                    null,
                    owner.auth(),
                    List.of("Accept", "application/json"));
            long seen = 0;
            for (JsonNode line : logs.json()) {
                seen += line.path("line").asString().startsWith("Epoch ") ? 1 : 0;
            }
            if (seen >= epochs) {
                return;
            }
            ModelTesting.sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not log " + epochs + " epochs");
    }

    private static int uncertain(ApiClient.Response predictions) {
        int count = 0;
        for (JsonNode row : predictions.json().path("rows")) {
            count += row.path("uncertain").asBoolean() ? 1 : 0;
        }
        return count;
    }

    private static double targetStd(GestureProject project) {
        List<FeatureRow> rows = GestureProject.regression(project.training).rows();
        double mean = rows.stream()
                .mapToDouble(r -> Double.parseDouble(r.label()))
                .average()
                .orElseThrow();
        double variance = rows.stream()
                .mapToDouble(r -> Math.pow(Double.parseDouble(r.label()) - mean, 2))
                .average()
                .orElseThrow();
        return Math.sqrt(variance);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    /** Starts a training job on the project, waits for it to succeed and returns the ready model. */
    private JsonNode trainUntilReady(Map<String, Object> request) {
        ApiClient.Response started = client.post(base + "/jobs/train", request, owner.auth());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        awaitJob(client, owner, UUID.fromString(started.text("jobId")), "succeeded", JOB_LIMIT);
        return awaitModel(client, owner, projectId, UUID.fromString(started.text("modelId")), "ready");
    }
}
