package dev.edgeforge.api.compression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import dev.edgeforge.app.testing.ChromiumPages;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.job.JobState;
import dev.edgeforge.infra.storage.ObjectStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17: the variant chosen on the compression page ("Use for deployment") is the one deployed. A trained gesture
 * classifier is compressed with structured pruning and {@code structured-pruning-int8} chosen; over REST the estimates
 * and a deployment default to it (and name the deployable variants when asked for another); in a real headless
 * Chromium the Deployment page lists the variants with the chosen one selected, builds it for the emulated board and
 * verifies it, and the built model's weights are the variant's, not the original int8 model's.
 */
@IntegrationTest
class CompressedVariantDeploymentBrowserIT extends ChromiumPages {

    private static final String VARIANT = "structured-pruning-int8";

    @Autowired
    ObjectStore store;

    @Autowired
    JobQueue queue;

    @Autowired
    DataSource dataSource;

    CompressedVariantDeploymentBrowserIT() {
        super(1366, 1200, Duration.ofSeconds(60));
    }

    @Test
    void theChosenVariantIsListedBuiltAndVerified() throws Exception {
        TrainedModels models = new TrainedModels(queue, store, dataSource);
        ApiClient client = ApiClient.stateless(port);
        User owner = TestUsers.register(client, "variant-deployer");
        UUID projectId = TestUsers.createProject(client, owner, "Pruned gestures");
        String base = "/api/v1/projects/" + projectId;
        TrainedModels.Trained trained = models.trainGestureClassifier(projectId, "Wrist gestures");
        String modelBase = base + "/models/" + trained.modelId();

        ApiClient.Response started = client.post(
                base + "/jobs/compress",
                Map.of("modelId", trained.modelId(), "structuredPruning", Map.of("fraction", 0.5), "fineTuneEpochs", 4),
                owner.auth());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        UUID jobId = UUID.fromString(started.text("jobId"));
        assertThat(models.await(jobId).state()).isEqualTo(JobState.SUCCEEDED);
        JsonNode report = awaitReport(client, owner, modelBase, jobId);
        long variantWeights = weightBytes(report, VARIANT);
        long int8Weights = weightBytes(report, "int8");
        assertThat(variantWeights).as("pruning halves the units").isLessThan(int8Weights);

        // before a choice the model's own int8 file is the default
        assertThat(client.get(modelBase + "/estimates", owner.auth()).text("variant"))
                .isEqualTo("int8");
        ApiClient.Response chosen =
                client.post(modelBase + "/deploy-variant", Map.of("variant", VARIANT), owner.auth());
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);

        JsonNode estimates = client.get(modelBase + "/estimates", owner.auth()).json();
        assertThat(estimates.get("variant").asString()).isEqualTo(VARIANT);
        assertThat(estimates.get("weightBytes").asLong()).isEqualTo(variantWeights);
        JsonNode original =
                client.get(modelBase + "/estimates?variant=int8", owner.auth()).json();
        assertThat(original.get("weightBytes").asLong()).isEqualTo(int8Weights);
        ApiClient.Response unknown = client.post(
                base + "/deployments",
                Map.of(
                        "modelId",
                        trained.modelId(),
                        "variant",
                        "distillation-int8",
                        "target",
                        "netduinoplus2-qemu",
                        "format",
                        "firmware"),
                owner.auth());
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("variant");
        assertThat(unknown.json().at("/errors/0/message").asString())
                .isEqualTo("'distillation-int8' is not a deployable variant of this model; deployable: int8, " + VARIANT
                        + " (compress the model for more)");

        signIn(owner);
        browser.get(url("/projects/" + projectId + "/deployment"));
        Select variants = new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deploy-variant"))));
        assertThat(variants.getOptions())
                .extracting(o -> o.getAttribute("value"))
                .containsExactly("int8", VARIANT);
        assertThat(variants.getFirstSelectedOption().getAttribute("value")).isEqualTo(VARIANT);
        assertThat(variants.getFirstSelectedOption().getText()).contains("chosen for deployment");
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector(".target-card[data-target=netduinoplus2-qemu]")))
                .click();
        browser.findElement(By.id("deploy-build")).click();
        new WebDriverWait(browser, Duration.ofMinutes(6))
                .until(ExpectedConditions.or(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("verified-badge"), "Verified on device"),
                        ExpectedConditions.textToBePresentInElementLocated(By.id("run-state"), "failed")));
        assertThat(browser.findElement(By.id("verified-badge")).getText()).isEqualTo("Verified on device");
        screenshot(Path.of("/tmp/ef-deploy-variant.png"));

        JsonNode deployment =
                client.get(base + "/deployments", owner.auth()).json().get(0);
        assertThat(deployment.get("variant").asString()).isEqualTo(VARIANT);
        assertThat(deployment.at("/sizes/modelConstantBytes").asLong())
                .as("the built model's weights are the variant's")
                .isEqualTo(variantWeights)
                .isNotEqualTo(int8Weights);
        assertThat(browser.findElement(By.id("deployment-rows")).getText()).contains(VARIANT);
    }

    private static long weightBytes(JsonNode report, String variant) {
        for (JsonNode v : report.at("/result/report/variants")) {
            if (v.get("name").asString().equals(variant)) {
                return v.get("weightBytes").asLong();
            }
        }
        throw new AssertionError("no variant " + variant + " in " + report);
    }

    private static JsonNode awaitReport(ApiClient client, User owner, String modelBase, UUID jobId)
            throws InterruptedException {
        JsonNode view = null;
        for (int i = 0; i < 100; i++) {
            view = client.get(modelBase + "/compression", owner.auth()).json();
            if (view.at("/result/jobId").asString().equals(jobId.toString())) {
                return view;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the report of " + jobId + " never showed: " + view);
    }
}
