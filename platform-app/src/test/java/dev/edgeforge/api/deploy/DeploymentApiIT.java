package dev.edgeforge.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import dev.edgeforge.app.testing.OwnedProject;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.learning.Activation;
import dev.edgeforge.core.learning.DefaultArchitecture;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.Padding;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.firmware.codegen.ModelIdentity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Deployment over HTTP on the whole server: targets, estimates, a deployment that the in-process worker builds with
 * arm-none-eabi-gcc and verifies in QEMU, its download, the 409 before it is ready, refused requests and who may do
 * what.
 */
@IntegrationTest
class DeploymentApiIT extends OwnedProject {

    @Autowired
    StoredModels models;

    DeployableModel model;

    DeploymentApiIT() {
        super("deployer", "Deploy");
    }

    @BeforeEach
    void setUp() {
        model = models.registerTinyClassifier(projectId, "gestures");
    }

    @Test
    void targetsAreTheBoardCatalogueForAnySignedInUser() {
        ApiClient.Response targets = client.get("/api/v1/targets", owner.auth());
        assertThat(targets.status()).isEqualTo(200);
        assertThat(targets.json().size()).isEqualTo(5);
        JsonNode qemu = find(targets.json(), "id", "netduinoplus2-qemu");
        assertThat(qemu.get("emulated").asBoolean()).isTrue();
        assertThat(qemu.get("mcu").asString()).startsWith("STM32F405");
        assertThat(qemu.get("core").asString()).isEqualTo("Cortex-M4F");
        assertThat(qemu.get("ramBytes").asLong()).isEqualTo(128 * 1024);
        assertThat(qemu.get("flashBytes").asLong()).isEqualTo(1024 * 1024);
        assertThat(qemu.get("clockHz").asLong()).isEqualTo(168_000_000L);
        JsonNode nano = find(targets.json(), "id", "arduino-nano-33-ble-sense");
        assertThat(nano.get("emulated").asBoolean()).isFalse();
        assertThat(nano.get("flashingMethod").asString()).contains("bossac");
        // the datasheet figure energy is computed from, with its source
        assertThat(qemu.get("runPower").get("microampsPerMhz").asDouble()).isEqualTo(238.0);
        assertThat(qemu.get("runPower").get("supplyVolts").asDouble()).isEqualTo(3.3);
        assertThat(qemu.get("runPower").get("source").asString()).contains("DS8626");

        assertThat(client.get("/api/v1/targets", ApiClient.Auth.none()).status())
                .isEqualTo(401);
    }

    @Test
    void estimatesCoverEveryTargetOrTheOneAskedFor() {
        ApiClient.Response all = client.get(estimates(model.modelId()), owner.auth());
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.text("modelName")).isEqualTo("gestures");
        assertThat(all.json().get("parameters").asLong()).isEqualTo(3 * 8 + 3);
        assertThat(all.json().get("macs").asLong()).isEqualTo(24);
        assertThat(all.text("method")).contains("cycles per instruction");
        assertThat(all.json().get("targets").size()).isEqualTo(5);
        for (JsonNode target : all.json().get("targets")) {
            assertThat(target.get("fits").asBoolean()).isTrue();
            assertThat(target.get("ram").get("totalBytes").asLong()).isGreaterThan(8_000);
            assertThat(target.get("flash").get("totalBytes").asLong()).isGreaterThan(3_000);
            assertThat(target.get("latency").get("totalMillis").asDouble()).isPositive();
            assertThat(target.get("latency").get("calibration").asString()).contains("network instructions");
            // energy beside latency, from the MCU's datasheet figure
            assertThat(target.get("energy").get("totalMicrojoules").asDouble()).isPositive();
            assertThat(target.get("energy").get("source").asString()).contains("datasheet");
        }

        ApiClient.Response one = client.get(estimates(model.modelId()) + "?target=nucleo-l4r5zi", owner.auth());
        assertThat(one.json().get("targets").size()).isEqualTo(1);
        assertThat(one.json()
                        .get("targets")
                        .get(0)
                        .get("latency")
                        .get("clockHz")
                        .asLong())
                .isEqualTo(120_000_000L);
        JsonNode l4r5 = one.json().get("targets").get(0);
        // its network instructions are calibrated on the Cortex-M4F; its time rests on an assumed cycles per
        // instruction, so it is not called calibrated
        assertThat(l4r5.get("latency").get("networkCalibrated").asBoolean()).isTrue();
        assertThat(l4r5.get("latency").get("calibrated").asBoolean()).isFalse();
        assertThat(l4r5.get("energy").get("microampsPerMhz").asDouble()).isEqualTo(110.0);

        ApiClient.Response unknownTarget = client.get(estimates(model.modelId()) + "?target=esp32", owner.auth());
        assertThat(unknownTarget.status()).isEqualTo(400);
        assertThat(unknownTarget.text("detail")).contains("esp32");
        ApiClient.Response unknownModel = client.get(estimates(UUID.randomUUID()), owner.auth());
        assertThat(unknownModel.status()).isEqualTo(404);
        assertThat(unknownModel.text("code")).isEqualTo("model-not-found");
    }

    @Test
    void aDeploymentIsBuiltVerifiedInQemuAndDownloaded() throws Exception {
        ApiClient.Response created = client.post(
                deployments(), request(model.modelId(), "int8", "netduinoplus2-qemu", "firmware"), owner.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        assertThat(created.text("state")).isEqualTo("queued");
        assertThat(created.header("Location").orElse("")).endsWith("/deployments/" + created.text("id"));
        String id = created.text("id");
        String jobId = created.text("jobId");

        ApiClient.Response early = client.get(deployments() + "/" + id + "/download", owner.auth());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("code")).isEqualTo("deployment-not-ready");
        assertThat(early.text("detail")).contains(id);

        JsonNode ready = awaitFinal(id, Duration.ofMinutes(4));
        assertThat(ready.get("state").asString()).as(ready.toString()).isEqualTo("ready");
        assertThat(ready.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(ready.get("verified").asBoolean()).isTrue();
        JsonNode verification = ready.get("verification");
        assertThat(verification.get("status").asString()).isEqualTo("verified");
        assertThat(verification.get("windowSource").asString()).isEqualTo("test-set");
        assertThat(verification.get("windows").asInt()).isEqualTo(24);
        assertThat(verification.get("matching").asInt()).isEqualTo(24);
        assertThat(verification.get("labelledWindows").asInt()).isEqualTo(24);
        assertThat(verification.get("deviceAccuracy").asDouble())
                .isGreaterThan(0.8)
                .isEqualTo(verification.get("serverAccuracy").asDouble());
        assertThat(verification.get("instructions").get("mean").asDouble()).isPositive();
        assertThat(ready.get("sizes").get("flashBytes").asLong()).isPositive();
        assertThat(ready.get("memoryReport").get("image").get("sections").size())
                .isPositive();
        assertThat(ready.get("downloadAvailable").asBoolean()).isTrue();
        assertThat(ready.get("targetName").asString()).isEqualTo("Netduino Plus 2 (QEMU)");

        ApiClient.Response job = client.get("/api/v1/jobs/" + jobId, owner.auth());
        assertThat(job.text("state")).isEqualTo("succeeded");
        assertThat(job.text("type")).isEqualTo("deploy");
        assertThat(client.get("/api/v1/jobs/" + jobId + "/payload", owner.auth())
                        .json()
                        .get("modelKey")
                        .asString())
                .isEqualTo(model.int8ModelKey());

        HttpResponse<byte[]> download = downloadAs(id, owner.token());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        String fileName = ready.get("bundle").get("fileName").asString();
        assertThat(fileName).isEqualTo("gestures-firmware-netduinoplus2-qemu.zip");
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment")
                .contains(fileName);
        assertThat(ModelIdentity.sha256(download.body()))
                .isEqualTo(ready.get("bundle").get("sha256").asString());
        assertThat(download.headers().firstValue("Repr-Digest").orElse("")).startsWith("sha-256=:");
        assertThat(zipEntries(download.body()))
                .contains(
                        "gestures-firmware-netduinoplus2-qemu/firmware.elf",
                        "gestures-firmware-netduinoplus2-qemu/firmware.hex",
                        "gestures-firmware-netduinoplus2-qemu/SHA256SUMS");

        ApiClient.Response list = client.get(deployments(), owner.auth());
        assertThat(list.json().get(0).get("id").asString()).isEqualTo(id);
        assertThat(list.json().get(0).get("verified").asBoolean()).isTrue();
    }

    @Test
    void aCancelledDeploymentEndsCancelledWithoutABundle() {
        // its own name: a build the cache cannot answer, so the job is still queued or compiling when cancelled
        DeployableModel fresh = models.registerTinyClassifier(projectId, "cancel-" + UUID.randomUUID());
        ApiClient.Response created = client.post(
                deployments(), request(fresh.modelId(), "int8", "netduinoplus2-qemu", "firmware"), owner.auth());
        assertThat(created.status()).isEqualTo(202);
        ApiClient.Response cancel =
                client.post("/api/v1/jobs/" + created.text("jobId") + "/cancel", Map.of(), owner.auth());
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);

        JsonNode done = awaitFinal(created.text("id"), Duration.ofSeconds(30));
        assertThat(done.get("state").asString()).isEqualTo("cancelled");
        assertThat(done.get("downloadAvailable").asBoolean()).isFalse();
        assertThat(done.get("bundle").isNull()).isTrue();
        assertThat(done.get("finishedAt").isNull()).isFalse();
        ApiClient.Response download = client.get(deployments() + "/" + created.text("id") + "/download", owner.auth());
        assertThat(download.status()).isEqualTo(409);
        assertThat(download.text("detail")).contains("was cancelled");
    }

    @Test
    void requestsThatCannotBeBuiltAreRefusedWithTheFieldAndReason() {
        assertRefused(request(model.modelId(), "int8", "netduinoplus2-qemu", "exe"), "format", "unknown format");
        assertRefused(request(model.modelId(), "int8", "esp32", "firmware"), "target", "unknown target 'esp32'");
        assertRefused(
                request(model.modelId(), "float32", "netduinoplus2-qemu", "firmware"),
                "variant",
                "compile the int8 model");
        assertRefused(request(null, "int8", "netduinoplus2-qemu", "firmware"), "modelId", "is required");

        ApiClient.Response unknownModel = client.post(
                deployments(), request(UUID.randomUUID(), "int8", "netduinoplus2-qemu", "firmware"), owner.auth());
        assertThat(unknownModel.status()).isEqualTo(404);
        assertThat(unknownModel.text("code")).isEqualTo("model-not-found");
        ApiClient.Response missing = client.get(deployments() + "/" + UUID.randomUUID(), owner.auth());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("code")).isEqualTo("deployment-not-found");
        assertThat(client.get(deployments(), owner.auth()).json().size())
                .as("nothing half-written")
                .isZero();
    }

    @Test
    void aDeploymentWhoseEstimateDoesNotFitIsRefusedBeforeBuildingWithTheFiguresUnlessTheUserInsists() {
        // issue #19: the estimate said fits: false (138,808 of 131,072 B) and the build failed at the linker later
        DeployableModel big = models.registerClassifierWithAWindowTooBigForTheEmulatedBoard(projectId, "pump");
        JsonNode estimate = client.get(estimates(big.modelId()) + "?target=netduinoplus2-qemu", owner.auth())
                .json()
                .get("targets")
                .get(0);
        assertThat(estimate.get("fits").asBoolean()).isFalse();
        long needed = estimate.get("ram").get("totalBytes").asLong();
        assertThat(needed).isGreaterThan(131_072);
        assertThat(estimate.get("ram").get("windowBytes").asLong()).isEqualTo(128_000);

        ApiClient.Response refused = client.post(
                deployments(), request(big.modelId(), "int8", "netduinoplus2-qemu", "firmware"), owner.auth());

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("deployment-does-not-fit");
        assertThat(refused.text("detail"))
                .contains(String.format(Locale.ROOT, "%,d B of RAM needed, 131,072 B available", needed))
                .contains("raw window buffer 128,000 B")
                .contains("allowOverBudget");
        JsonNode ram = refused.json().get("budget").get("ram");
        assertThat(ram.get("neededBytes").asLong()).isEqualTo(needed);
        assertThat(ram.get("availableBytes").asLong()).isEqualTo(131_072);
        assertThat(ram.get("fits").asBoolean()).isFalse();
        assertThat(ram.get("buffers").get(0).get("name").asString()).isEqualTo("raw window buffer");
        assertThat(refused.json().get("budget").get("flash").get("fits").asBoolean())
                .isTrue();
        assertThat(client.get(deployments(), owner.auth()).json().size())
                .as("nothing queued, nothing built")
                .isZero();

        // the same model on a board with room is accepted without a warning
        ApiClient.Response roomy =
                client.post(deployments(), request(big.modelId(), "int8", "nucleo-l4r5zi", "c-library"), owner.auth());
        assertThat(roomy.status()).as(roomy.body()).isEqualTo(202);
        assertThat(roomy.json().get("warning").isNull()).isTrue();
        assertThat(roomy.json().get("overBudget").isNull()).isTrue();

        Map<String, Object> insist = request(big.modelId(), "int8", "netduinoplus2-qemu", "firmware");
        insist.put("allowOverBudget", true);
        ApiClient.Response built = client.post(deployments(), insist, owner.auth());
        assertThat(built.status()).as(built.body()).isEqualTo(202);
        assertThat(built.text("warning"))
                .startsWith("Built although the estimate does not fit the Netduino Plus 2 (QEMU):")
                .contains("131,072 B available");
        assertThat(built.json().get("overBudget").get("ram").get("neededBytes").asLong())
                .isEqualTo(needed);
        JsonNode again =
                client.get(deployments() + "/" + built.text("id"), owner.auth()).json();
        assertThat(again.get("warning").asString()).isEqualTo(built.text("warning"));
        // the builds themselves are not what this test is about: stop them
        for (ApiClient.Response started : List.of(built, roomy)) {
            client.post("/api/v1/jobs/" + started.text("jobId") + "/cancel", Map.of(), owner.auth());
        }
    }

    @Test
    void theOldConv16Conv32ImageDefaultIsRefusedBeforeBuildingAndTheNewDefaultFits() {
        // issue #20: conv16->conv32 on 96x96 RGB on the default board answered 202, then failed at the linker
        // ("region 'RAM' overflowed by 126216 bytes")
        DeployableModel old = models.registerImageClassifier(
                projectId,
                "components conv16-conv32",
                96,
                ColorDepth.RGB,
                List.of(
                        LayerSpec.conv2d(16, 3, 3, 1, Padding.SAME, Activation.RELU),
                        LayerSpec.maxPool2d(2, 2),
                        LayerSpec.conv2d(32, 3, 3, 1, Padding.SAME, Activation.RELU),
                        LayerSpec.maxPool2d(2, 2),
                        LayerSpec.flatten(),
                        LayerSpec.dropout(0.25)));

        ApiClient.Response refused = client.post(
                deployments(), request(old.modelId(), "int8", "netduinoplus2-qemu", "firmware"), owner.auth());

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("deployment-does-not-fit");
        assertThat(refused.text("detail")).contains("131,072 B available").contains("raw window buffer 27,648 B");
        JsonNode ram = refused.json().get("budget").get("ram");
        assertThat(ram.get("neededBytes").asLong()).isGreaterThan(131_072);
        assertThat(client.get(deployments(), owner.auth()).json().size())
                .as("nothing queued, nothing built")
                .isZero();

        TensorShape rgb96 = TensorShape.of(96, 96, 3);
        DeployableModel current = models.registerImageClassifier(
                projectId,
                "components default",
                96,
                ColorDepth.RGB,
                DefaultArchitecture.layersFor(FeatureKind.IMAGE, rgb96));
        JsonNode estimate = client.get(estimates(current.modelId()) + "?target=netduinoplus2-qemu", owner.auth())
                .json()
                .get("targets")
                .get(0);
        assertThat(estimate.get("fits").asBoolean()).as(estimate.toString()).isTrue();
        assertThat(estimate.get("ram").get("windowBytes").asLong()).isEqualTo(27_648);
        assertThat(estimate.get("ram").get("dspBytes").asLong())
                .as("no float32 feature buffer: the image block writes the int8 input in the arena")
                .isZero();
    }

    @Test
    void viewersReadAndDownloadMembersDeployStrangersSeeNothing() {
        User viewer = member("viewer");
        User member = member("member");
        User stranger = TestUsers.register(client, "stranger");
        Map<String, Object> body = request(model.modelId(), "int8", "nucleo-f446re", "c-library");

        ApiClient.Response byViewer = client.post(deployments(), body, viewer.auth());
        assertThat(byViewer.status()).isEqualTo(403);
        ApiClient.Response byStranger = client.post(deployments(), body, stranger.auth());
        assertThat(byStranger.status()).isEqualTo(404);
        assertThat(client.get(deployments(), stranger.auth()).status()).isEqualTo(404);
        assertThat(client.get(estimates(model.modelId()), stranger.auth()).status())
                .isEqualTo(404);

        ApiClient.Response byMember = client.post(deployments(), body, member.auth());
        assertThat(byMember.status()).as(byMember.body()).isEqualTo(202);
        String id = byMember.text("id");
        assertThat(client.get(deployments() + "/" + id, viewer.auth()).status()).isEqualTo(200);
        assertThat(client.get(estimates(model.modelId()), viewer.auth()).status())
                .isEqualTo(200);
        assertThat(client.get(deployments() + "/" + id, stranger.auth()).status())
                .isEqualTo(404);

        JsonNode done = awaitFinal(id, Duration.ofMinutes(4));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("ready");
        // the board is not emulated: built and measured, not verified, and says why
        assertThat(done.get("verified").asBoolean()).isFalse();
        assertThat(done.get("verification").get("status").asString()).isEqualTo("not-emulated");
        assertThat(done.get("sizes").get("flashCapacityBytes").asLong()).isEqualTo(512 * 1024);
        assertThat(downloadAs(id, viewer.token()).statusCode()).isEqualTo(200);
        assertThat(downloadAs(id, stranger.token()).statusCode()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesTheDeploymentPaths() {
        ApiClient.Response docs = client.get("/v3/api-docs", ApiClient.Auth.none());
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").propertyNames())
                .contains(
                        "/api/v1/targets",
                        "/api/v1/projects/{projectId}/models/{modelId}/estimates",
                        "/api/v1/projects/{projectId}/deployments",
                        "/api/v1/projects/{projectId}/deployments/{deploymentId}",
                        "/api/v1/projects/{projectId}/deployments/{deploymentId}/download");
    }

    private void assertRefused(Map<String, Object> body, String field, String reason) {
        ApiClient.Response response = client.post(deployments(), body, owner.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.text("code")).isEqualTo("validation-failed");
        List<String> fields = new ArrayList<>();
        for (JsonNode error : response.json().get("errors")) {
            fields.add(error.get("field").asString());
            if (error.get("field").asString().equals(field)) {
                assertThat(error.get("message").asString()).contains(reason);
            }
        }
        assertThat(fields).containsExactly(field);
    }

    private User member(String role) {
        User user = TestUsers.register(client, role);
        ApiClient.Response added = client.post(
                "/api/v1/projects/" + projectId + "/members",
                Map.of("email", user.email(), "role", role),
                owner.auth());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return user;
    }

    private JsonNode awaitFinal(String id, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode deployment = null;
        while (System.nanoTime() < deadline) {
            deployment = client.get(deployments() + "/" + id, owner.auth()).json();
            String state = deployment.get("state").asString();
            if (!state.equals("queued") && !state.equals("building")) {
                return deployment;
            }
            sleep(500);
        }
        throw new AssertionError("deployment " + id + " did not finish within " + limit + ": " + deployment);
    }

    private HttpResponse<byte[]> downloadAs(String id, String token) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://localhost:" + port + deployments() + "/" + id + "/download"))
                                    .header("Authorization", "Bearer " + token)
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> zipEntries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static Map<String, Object> request(UUID modelId, String variant, String target, String format) {
        Map<String, Object> body = new HashMap<>();
        if (modelId != null) {
            body.put("modelId", modelId.toString());
        }
        body.put("variant", variant);
        body.put("target", target);
        body.put("format", format);
        return body;
    }

    private String deployments() {
        return "/api/v1/projects/" + projectId + "/deployments";
    }

    private String estimates(UUID modelId) {
        return "/api/v1/projects/" + projectId + "/models/" + modelId + "/estimates";
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asString().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
