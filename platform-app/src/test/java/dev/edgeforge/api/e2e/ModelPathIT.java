package dev.edgeforge.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import dev.edgeforge.core.format.ei.EiAcquisitionWriter;
import dev.edgeforge.core.format.ei.EiSigning;
import dev.edgeforge.core.synthetic.GestureDataset;
import dev.edgeforge.core.synthetic.SyntheticSample;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The whole model path over the REST API, as an MLOps script would drive it, on the real services: devices push
 * realistic accelerometer gestures through the Edge Impulse-compatible ingestion endpoint, the impulse is saved,
 * features are generated, a network is trained and quantized to int8, and the int8 model is compiled into firmware
 * for the emulated STM32F405, which must answer every test window exactly as the server's int8 interpreter does.
 */
@IntegrationTest
class ModelPathIT {

    private static final Duration JOB_LIMIT = Duration.ofMinutes(6);

    @LocalServerPort
    int port;

    @Test
    void samplesBecomeVerifiedFirmware() throws Exception {
        ApiClient client = ApiClient.stateless(port);
        User owner = TestUsers.register(client, "model-path");
        UUID projectId = TestUsers.createProject(client, owner, "Gestures end to end");
        String base = "/api/v1/projects/" + projectId;
        ApiClient.Response key =
                client.post(base + "/api-keys", Map.of("name", "device", "scopes", List.of("ingest")), owner.auth());
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        String apiKey = key.text("key");

        // devices: persons 0-3 for training, person 4 (never seen in training) for testing
        List<SyntheticSample> recordings = GestureDataset.builder()
                .optSeed(7)
                .optPersons(5)
                .optRecordingsPerGesture(2)
                .optLengthSeconds(8)
                .build()
                .generate();
        for (SyntheticSample recording : recordings) {
            if (recording.person() == 4 && recording.recording() == 1) {
                continue;
            }
            String category = recording.person() == 4 ? "testing" : "training";
            String body = new String(
                    EiAcquisitionWriter.writeJson(recording.data(), EiSigning.none()), StandardCharsets.UTF_8);
            ApiClient.Response ingested = client.send(
                    "POST",
                    "/api/" + category + "/data",
                    body,
                    Auth.apiKey(apiKey),
                    List.of("x-label", recording.label(), "x-file-name", recording.name() + ".json"));
            assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
        }
        JsonNode summary = client.get(base + "/dataset/summary", owner.auth()).json();
        assertThat(summary.toString()).contains("testing").contains("training");

        // the impulse suggested from these recordings (issue #12: accX/accY/accZ at their 62.5 Hz, 2 s windows every
        // 500 ms for continuous recordings, raw data into a conv1d network) saved unchanged as version 1
        JsonNode latest = client.get(base + "/impulse", owner.auth()).json();
        assertThat(latest.get("suggested").asBoolean()).as(latest.toString()).isTrue();
        JsonNode impulse = latest.get("impulse");
        ApiClient.Response saved = client.put(base + "/impulse", impulse.toString(), owner.auth());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("version").asInt()).isEqualTo(1);

        ApiClient.Response features = client.post(base + "/jobs/features", Map.of(), owner.auth());
        assertThat(features.status()).as(features.body()).isEqualTo(202);
        awaitSucceeded(client, owner, UUID.fromString(features.text("jobId")));

        ApiClient.Response train = client.post(
                base + "/jobs/train",
                Map.of("name", "gestures", "hyperparameters", Map.of("epochs", 30, "learningRate", 0.005, "seed", 3)),
                owner.auth());
        assertThat(train.status()).as(train.body()).isEqualTo(202);
        awaitSucceeded(client, owner, UUID.fromString(train.text("jobId")));
        UUID modelId = UUID.fromString(train.text("modelId"));
        ApiClient.Response model = client.get(base + "/models/" + modelId, owner.auth());
        assertThat(model.text("state")).as(model.body()).isEqualTo("ready");

        ApiClient.Response tflite = client.send(
                "GET",
                base + "/models/" + modelId + "/tflite?variant=int8",
                null,
                owner.auth(),
                List.of("Accept", "application/octet-stream"));
        assertThat(tflite.status()).isEqualTo(200);

        ApiClient.Response deployment = client.post(
                base + "/deployments",
                Map.of(
                        "modelId",
                        modelId.toString(),
                        "variant",
                        "int8",
                        "target",
                        "netduinoplus2-qemu",
                        "format",
                        "firmware"),
                owner.auth());
        assertThat(deployment.status()).as(deployment.body()).isEqualTo(202);
        awaitSucceeded(client, owner, UUID.fromString(deployment.text("jobId")));
        ApiClient.Response built = client.get(base + "/deployments/" + deployment.text("id"), owner.auth());
        assertThat(built.text("state")).as(built.body()).isEqualTo("ready");
        JsonNode verification = built.json().get("verification");
        assertThat(verification.get("windowSource").asString()).isEqualTo("test-set");
        // 4 test recordings of 8 s: 13 windows each
        assertThat(verification.get("windows").asInt()).isEqualTo(4 * 13);
        assertThat(verification.get("mismatchCount").asInt()).isZero();
        assertThat(built.json().get("verified").asBoolean())
                .as(verification.toString())
                .isTrue();
        // the device classifies the unseen person exactly as the server does, far better than chance (4 classes)
        assertThat(verification.get("deviceAccuracy").asDouble())
                .isEqualTo(verification.get("serverAccuracy").asDouble())
                .isGreaterThan(0.4);

        HttpResponse<byte[]> zip = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + "/deployments/"
                                        + deployment.text("id") + "/download"))
                                .header("Authorization", "Bearer " + owner.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.body()).startsWith((byte) 'P', (byte) 'K');
    }

    private static void awaitSucceeded(ApiClient client, User owner, UUID jobId) throws InterruptedException {
        long deadline = System.nanoTime() + JOB_LIMIT.toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            job = client.get("/api/v1/jobs/" + jobId, owner.auth()).json();
            String state = job.get("state").asString();
            if (state.equals("succeeded")) {
                return;
            }
            if (state.equals("failed") || state.equals("cancelled")) {
                break;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("job " + jobId + " did not succeed: " + job);
    }
}
