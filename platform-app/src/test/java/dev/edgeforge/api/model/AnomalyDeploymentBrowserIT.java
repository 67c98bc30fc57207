package dev.edgeforge.api.model;

import static dev.edgeforge.api.model.ModelTesting.awaitJob;
import static dev.edgeforge.api.model.ModelTesting.awaitModel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.app.testing.ChromiumPages;
import dev.edgeforge.core.synthetic.GestureDataset.Gesture;
import dev.edgeforge.infra.storage.ObjectStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Anomaly models on the device (issue #19): a K-means and a Gaussian-mixture model trained on the normal gestures
 * deploy as firmware for the emulated board, and every test window's score and decision on the device equal the
 * server's within the stated tolerance; the formats that carry a network only answer 422 naming why. The Deployment
 * page offers an anomaly model only the formats that work, shows its estimate per target and the anomaly score
 * verification. Screenshot:
 * {@code /tmp/ef-anomaly-deployment.png}.
 */
@IntegrationTest
class AnomalyDeploymentBrowserIT extends ChromiumPages {

    private static final Duration LIMIT = Duration.ofMinutes(4);

    @Autowired
    ObjectStore store;

    @Autowired
    TestModelPorts.Registry registry;

    AnomalyDeploymentBrowserIT() {
        super(1366, 1000, Duration.ofSeconds(20));
    }

    @Test
    void kmeansAndGmmDeployVerifiedAndThePageShowsTheScores() throws Exception {
        ApiClient client = ApiClient.stateless(port);
        TestUsers.User user = TestUsers.register(client, "anomaly-deployer");
        UUID projectId = TestUsers.createProject(client, user, "Pump on device");
        GestureProject.create(
                projectId,
                store,
                registry,
                GestureProject.gestures(Gesture.IDLE, Gesture.WAVE),
                GestureProject.gestures(Gesture.IDLE, Gesture.WAVE, Gesture.UPDOWN),
                2,
                2);
        String base = "/api/v1/projects/" + projectId;
        JsonNode kmeans = train(
                client,
                user,
                base,
                projectId,
                Map.of(
                        "kind",
                        "anomaly_kmeans",
                        "kmeans",
                        Map.of("clusterCount", 6, "maxIterations", 100, "standardize", true)),
                "Pump K-means");
        JsonNode gmm = train(
                client,
                user,
                base,
                projectId,
                Map.of(
                        "kind",
                        "anomaly_gmm",
                        "gmm",
                        Map.of("componentCount", 3, "maxIterations", 100, "standardize", true)),
                "Pump GMM");

        // a network-only format: 422 saying why, not 404
        ApiClient.Response tflm = client.post(
                base + "/deployments",
                Map.of("modelId", kmeans.path("id").asString(), "target", "netduinoplus2-qemu", "format", "tflm"),
                user.auth());
        assertThat(tflm.status()).as(tflm.body()).isEqualTo(422);
        assertThat(tflm.text("code")).isEqualTo("model-not-deployable");
        assertThat(tflm.text("detail"))
                .contains("anomaly model")
                .contains("network only")
                .contains("firmware");

        JsonNode gmmDeployment = deploy(client, user, base, gmm.path("id").asString());
        assertVerified(gmmDeployment, "gmm", gmm.path("anomalyThreshold").asDouble());

        signIn(user);
        browser.get(url("/projects/" + projectId + "/deployment"));
        new Select(browser.findElement(By.id("deploy-model"))).selectByVisibleText("Pump K-means");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deploy-model-info"), "anomaly model"));
        // estimated like a network: per target, and the model's tables and feature buffer
        By qemuEstimate = By.cssSelector("[data-estimate-for=netduinoplus2-qemu]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(qemuEstimate, "RAM"));
        assertThat(browser.findElement(qemuEstimate).getText())
                .contains("Flash")
                .contains("Latency");
        assertThat(browser.findElement(By.id("model-stats")).getText())
                .contains("K-means, 6 clusters")
                .contains("Feature buffer")
                .contains("Tables (float32, flash)");
        // inside the closed "How the estimates are made": read, not shown
        assertThat(browser.findElement(By.id("estimate-method")).getAttribute("textContent"))
                .contains("feature buffer");
        assertThat(browser.findElement(By.cssSelector("input[name=format][value=tflm]"))
                        .isEnabled())
                .isFalse();
        assertThat(browser.findElement(By.cssSelector("input[name=format][value=stm32cubeai]"))
                        .isEnabled())
                .isFalse();
        assertThat(browser.findElement(By.cssSelector("input[name=format][value=c-library]"))
                        .isEnabled())
                .isTrue();
        browser.findElement(By.cssSelector(".target-card[data-target=netduinoplus2-qemu]"))
                .click();
        browser.findElement(By.cssSelector("input[name=format][value=firmware]"))
                .click();
        browser.findElement(By.id("deploy-build")).click();
        WebDriverWait build = new WebDriverWait(browser, LIMIT);
        build.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verified-badge"), "Verified on device"));
        String facts = browser.findElement(By.id("verification-details")).getText();
        // the checklist's peak RAM is the estimate, said to be one (an anomaly run does not paint its stack)
        assertThat(browser.findElement(By.id("checklist-box")).getText()).contains("estimate");

        JsonNode kmeansDeployment =
                client.get(base + "/deployments", user.auth()).json().findValues("verification").stream()
                        .filter(v -> "kmeans".equals(v.path("model").asString()))
                        .findFirst()
                        .orElseThrow();
        int windows = kmeansDeployment.path("windows").asInt();
        assertThat(windows)
                .isEqualTo(gmmDeployment.path("verification").path("windows").asInt());
        assertThat(facts)
                .contains("K-means, threshold")
                .contains("Decisions equal to the server's")
                .contains(windows + " of " + windows)
                .contains("Scores within tolerance")
                .contains("Largest score difference")
                .contains("Anomalies called");
        assertThat(browser.findElement(By.id("run-log")).getText())
                .contains("VERIFIED: " + windows + " of " + windows + " decisions equal");
        screenshot(Path.of("/tmp/ef-anomaly-deployment.png"));
    }

    private static JsonNode train(
            ApiClient client,
            TestUsers.User user,
            String base,
            UUID projectId,
            Map<String, Object> block,
            String name) {
        ApiClient.Response started = client.post(
                base + "/jobs/train",
                Map.of("learningBlock", block, "normalLabels", List.of("idle", "wave"), "name", name),
                user.auth());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        awaitJob(client, user, UUID.fromString(started.text("jobId")), "succeeded", LIMIT);
        return awaitModel(client, user, projectId, UUID.fromString(started.text("modelId")), "ready");
    }

    private static JsonNode deploy(ApiClient client, TestUsers.User user, String base, String modelId) {
        ApiClient.Response created = client.post(
                base + "/deployments",
                Map.of("modelId", modelId, "target", "netduinoplus2-qemu", "format", "firmware"),
                user.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String id = created.text("id");
        long until = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < until) {
            JsonNode d = client.get(base + "/deployments/" + id, user.auth()).json();
            String state = d.path("state").asString();
            if (state.equals("ready") || state.equals("failed")) {
                assertThat(state).as(d.toString()).isEqualTo("ready");
                return d;
            }
            sleep();
        }
        throw new AssertionError("deployment " + id + " did not end within " + LIMIT);
    }

    private static void assertVerified(JsonNode deployment, String model, double threshold) {
        JsonNode v = deployment.path("verification");
        assertThat(v.path("status").asString()).as(v.toString()).isEqualTo("anomaly");
        assertThat(v.path("model").asString()).isEqualTo(model);
        assertThat(v.path("threshold").asDouble()).isEqualTo(threshold);
        int windows = v.path("windows").asInt();
        assertThat(windows).isPositive();
        assertThat(v.path("answered").asInt()).isEqualTo(windows);
        assertThat(v.path("decisionsEqual").asInt()).isEqualTo(windows);
        assertThat(v.path("withinTolerance").asInt()).isEqualTo(windows);
        assertThat(v.path("maxRelativeDifference").asDouble())
                .isLessThanOrEqualTo(v.path("relativeTolerance").asDouble());
        assertThat(v.path("deviceAnomalies").asInt())
                .isEqualTo(v.path("serverAnomalies").asInt());
        assertThat(v.path("verified").asBoolean()).isTrue();
        assertThat(deployment.path("verified").asBoolean()).isTrue();
        assertThat(deployment.path("variant").asString()).isEqualTo("float32");
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
