package dev.edgeforge.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.app.testing.OwnedProject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Anomaly deployments get estimates like classifiers (issue #19): the estimate answers for a K-means model with its
 * tables, feature buffer and DSP block, matches the image the worker then builds (flash within 3%, RAM within 2%, the
 * network estimate's tolerances), and fills the checklist's peak-RAM figure; a model whose raw window cannot fit the
 * emulated board is refused before anything is built, with the figures, unless the user insists.
 */
@IntegrationTest
class AnomalyDeploymentEstimateIT extends OwnedProject {

    private static final String QEMU = "netduinoplus2-qemu";

    @Autowired
    StoredModels models;

    AnomalyDeploymentEstimateIT() {
        super("anomaly-estimator", "Pump estimates");
    }

    @Test
    void theEstimateOfAnAnomalyModelMatchesItsBuildAndFillsTheChecklist() {
        DeployableModel model = models.registerAnomalyModel(projectId, "pump k-means", 1000, true, 6, 6);

        ApiClient.Response estimates = client.get(estimates(model.modelId()), owner.auth());
        assertThat(estimates.status()).as(estimates.body()).isEqualTo(200);
        JsonNode anomaly = estimates.json().get("anomaly");
        assertThat(anomaly.get("model").asString()).isEqualTo("kmeans");
        assertThat(anomaly.get("description").asString()).contains("K-means");
        int features = anomaly.get("featureCount").asInt();
        assertThat(features).isPositive();
        assertThat(anomaly.get("components").asInt()).isEqualTo(6);
        // mean and scale per feature, one centroid per cluster: float32
        long tables = 4L * (2 + 6) * features;
        assertThat(anomaly.get("tableBytes").asLong()).isEqualTo(tables);
        assertThat(anomaly.get("featureBufferBytes").asLong()).isEqualTo(4L * features);
        assertThat(estimates.json().get("weightBytes").asLong()).isEqualTo(tables);
        assertThat(estimates.text("method")).contains("feature buffer");
        assertThat(estimates.json().get("targets").size()).isEqualTo(5);
        JsonNode qemu = find(estimates.json().get("targets"), QEMU);
        assertThat(qemu.get("fits").asBoolean()).isTrue();
        // one second of two axes at 1 kHz as float32
        assertThat(qemu.get("ram").get("windowBytes").asLong()).isEqualTo(1000 * 2 * 4);
        assertThat(qemu.get("flash").get("weightBytes").asLong()).isEqualTo(tables);
        assertThat(qemu.get("latency").get("totalMillis").asDouble()).isPositive();

        ApiClient.Response created =
                client.post(deployments(), request(model.modelId(), QEMU, "firmware"), owner.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        assertThat(created.json().get("warning").isNull()).isTrue();
        JsonNode done = awaitFinal(created.text("id"), Duration.ofMinutes(5));
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("ready");
        assertThat(done.get("verified").asBoolean()).as(done.toString()).isTrue();

        JsonNode sizes = done.get("sizes");
        long flash = sizes.get("flashBytes").asLong();
        long ram = sizes.get("ramBytes").asLong();
        long estimatedFlash = qemu.get("flash").get("totalBytes").asLong();
        long estimatedRam = qemu.get("ram").get("totalBytes").asLong();
        System.out.printf(
                Locale.ROOT,
                "anomaly image: flash %d (estimate %d), RAM %d (estimate %d)%n",
                flash,
                estimatedFlash,
                ram,
                estimatedRam);
        assertThat((double) estimatedFlash).isCloseTo(flash, within(0.03 * flash));
        assertThat((double) estimatedRam).isCloseTo(ram, within(0.02 * ram));

        // the peak RAM is not measured by an anomaly run: the checklist shows the estimate, said to be one
        JsonNode peak = find(done.get("checklist").get("items"), "id", "peak-ram");
        assertThat(peak.get("outcome").asString()).isEqualTo("not-measured");
        assertThat(peak.get("basis").asString()).isEqualTo("estimated");
        assertThat(peak.get("figure").asLong()).isEqualTo(estimatedRam);
        JsonNode flashItem = find(done.get("checklist").get("items"), "id", "flash");
        assertThat(flashItem.get("basis").asString()).isEqualTo("measured");
        assertThat(flashItem.get("figure").asLong()).isEqualTo(flash);
    }

    @Test
    void anAnomalyDeploymentThatCannotFitIsRefusedBeforeBuildingUnlessTheUserInsists() {
        // 16 s of two axes at 1 kHz: 128,000 B of raw window on a 131,072 B board
        DeployableModel big = models.registerAnomalyModel(projectId, "pump 16 s", 16_000, false, 6, 6);
        JsonNode estimate =
                find(client.get(estimates(big.modelId()), owner.auth()).json().get("targets"), QEMU);
        assertThat(estimate.get("fits").asBoolean()).isFalse();
        long needed = estimate.get("ram").get("totalBytes").asLong();
        assertThat(needed).isGreaterThan(131_072);
        assertThat(estimate.get("ram").get("windowBytes").asLong()).isEqualTo(128_000);

        ApiClient.Response refused = client.post(deployments(), request(big.modelId(), QEMU, "firmware"), owner.auth());

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("deployment-does-not-fit");
        assertThat(refused.text("detail"))
                .contains(String.format(Locale.ROOT, "%,d B of RAM needed, 131,072 B available", needed))
                .contains("raw window buffer 128,000 B")
                .contains("allowOverBudget");
        JsonNode budget = refused.json().get("budget");
        assertThat(budget.get("ram").get("neededBytes").asLong()).isEqualTo(needed);
        assertThat(budget.get("ram").get("buffers").get(0).get("name").asString())
                .isEqualTo("raw window buffer");
        assertThat(budget.get("flash").get("fits").asBoolean()).isTrue();
        assertThat(budget.get("flash").get("buffers").findValuesAsString("name"))
                .contains("anomaly model tables", "scorer and math library");
        assertThat(client.get(deployments(), owner.auth()).json().size())
                .as("nothing queued, nothing built")
                .isZero();

        // on a board with room it is accepted without a warning; insisting on the small board builds with one
        ApiClient.Response roomy =
                client.post(deployments(), request(big.modelId(), "nucleo-l4r5zi", "c-library"), owner.auth());
        assertThat(roomy.status()).as(roomy.body()).isEqualTo(202);
        assertThat(roomy.json().get("warning").isNull()).isTrue();
        Map<String, Object> insist = request(big.modelId(), QEMU, "firmware");
        insist.put("allowOverBudget", true);
        ApiClient.Response built = client.post(deployments(), insist, owner.auth());
        assertThat(built.status()).as(built.body()).isEqualTo(202);
        assertThat(built.text("warning"))
                .startsWith("Built although the estimate does not fit the Netduino Plus 2 (QEMU):")
                .contains("131,072 B available");
        assertThat(built.json().get("overBudget").get("ram").get("neededBytes").asLong())
                .isEqualTo(needed);
        for (ApiClient.Response started : new ApiClient.Response[] {built, roomy}) {
            client.post("/api/v1/jobs/" + started.text("jobId") + "/cancel", Map.of(), owner.auth());
        }
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
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("deployment " + id + " did not finish within " + limit + ": " + deployment);
    }

    private static Map<String, Object> request(UUID modelId, String target, String format) {
        Map<String, Object> body = new HashMap<>();
        body.put("modelId", modelId.toString());
        body.put("target", target);
        body.put("format", format);
        return body;
    }

    private String deployments() {
        return base + "/deployments";
    }

    private String estimates(UUID modelId) {
        return base + "/models/" + modelId + "/estimates";
    }

    private static JsonNode find(JsonNode targets, String id) {
        return find(targets, "target", id);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asString().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }
}
