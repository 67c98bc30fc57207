package dev.edgeforge.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.app.testing.ChromiumPages;
import dev.edgeforge.infra.storage.ObjectStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The Training and Models pages in a real headless Chromium: edit the layers (a shape problem shows on its layer),
 * start training, watch the loss chart grow epoch by epoch from the SSE stream, read the confusion matrix, then the
 * model page (metrics, threshold slider, live classification) and the models list. Screenshots go to
 * {@code /tmp/ef-model-*.png}. Fails (never skips) without Debian's chromium and chromium-driver.
 */
@IntegrationTest
class ModelPagesBrowserIT extends ChromiumPages {

    @Autowired
    ObjectStore store;

    @Autowired
    TestModelPorts.Registry registry;

    ModelPagesBrowserIT() {
        super(1400, 1000, Duration.ofSeconds(30));
    }

    @Test
    void trainFromThePageWatchItLiveAndReadTheResults() throws Exception {
        ApiClient client = ApiClient.stateless(port);
        TestUsers.User user = TestUsers.register(client, "browser-trainer");
        UUID projectId = TestUsers.createProject(client, user, "Gesture pages");
        GestureProject.classic(projectId, store, registry);
        signIn(user);

        browser.get(url("/projects/" + projectId + "/training"));
        WebElement start = browser.findElement(By.id("start-training"));
        wait.until(ExpectedConditions.elementToBeClickable(start));
        assertThat(browser.findElement(By.id("feature-summary")).getText())
                .contains("[33]")
                .contains("4 labels");
        assertThat(browser.findElements(By.cssSelector("#layer-rows tr[data-layer-row]")))
                .hasSize(2);
        assertThat(browser.findElement(By.cssSelector(".sidebar a.active")).getText())
                .isEqualTo("Training");

        // a conv1d on flat features is refused on its own row, and Start is disabled until it is removed
        new Select(browser.findElement(By.id("new-layer-type"))).selectByValue("conv1d");
        browser.findElement(By.id("add-layer")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-problem-of='2']")));
        assertThat(browser.findElement(By.cssSelector("[data-problem-of='2']")).getText())
                .contains("needs a time series");
        assertThat(start.isEnabled()).isFalse();
        browser.findElement(By.cssSelector("tr[data-layer-row='2'] button[title=Remove]"))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(start));
        assertThat(browser.findElement(By.id("parameter-count")).getText()).contains("trainable parameters");

        type("hp-epochs", "12");
        type("hp-batch-size", "2");
        type("model-name", "Browser gestures");
        start.click();

        // the loss chart grows while training runs (SSE), then the validation confusion matrix appears
        TreeSet<Integer> seen = new TreeSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        boolean screenshotTaken = false;
        while (browser.findElements(By.cssSelector("[data-testid=training-done], [data-testid=training-error]"))
                .isEmpty()) {
            if (System.nanoTime() > deadline) {
                fail("training did not finish on the page; log: "
                        + browser.findElement(By.id("training-log")).getText());
            }
            // read in one script: the chart is redrawn on every epoch, so an element found first may be gone
            Object points = ((JavascriptExecutor) browser)
                    .executeScript(
                            "var line = document.querySelector('#loss-chart path.ef-line.ef-train'); return line ? "
                                    + "line.getAttribute('data-points') : null;");
            if (points != null) {
                seen.add(Integer.parseInt(points.toString()));
                if (!screenshotTaken && seen.last() >= 3) {
                    scrollTo("training-run");
                    screenshot("training-live");
                    screenshotTaken = true;
                }
            }
            ModelTesting.sleep(100);
        }
        assertThat(browser.findElements(By.cssSelector("[data-testid=training-error]")))
                .isEmpty();
        assertThat(seen.headSet(12))
                .as("partial charts seen while training: %s", seen)
                .hasSizeGreaterThan(1);
        assertThat(browser.findElements(By.cssSelector("#loss-chart path.ef-line"))
                        .get(0)
                        .getAttribute("data-points"))
                .isEqualTo("12");
        assertThat(browser.findElements(By.cssSelector("#accuracy-chart path.ef-line.ef-val")))
                .hasSize(1);
        assertThat(browser.findElement(By.id("training-log")).getText())
                .contains("Epoch 12/12")
                .contains("Model ready");
        WebElement matrix = browser.findElement(By.cssSelector("#run-result [data-testid=confusion-matrix]"));
        assertThat(matrix.findElements(By.cssSelector("tbody tr"))).hasSize(4);
        assertThat(matrix.getText()).contains("circle").contains("wave");
        assertThat(browser.findElement(By.id("run-state")).getText()).isEqualTo("succeeded");
        scrollTo("run-result");
        screenshot("training-done");

        // the model page: metrics, sizes, lineage, testing table with the threshold slider, live classification
        browser.findElement(By.cssSelector("[data-testid=training-done] a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-prediction-row]")));
        assertThat(browser.findElement(By.id("model-name")).getText()).isEqualTo("Browser gestures");
        assertThat(browser.findElements(By.cssSelector("[data-evaluation=validation] [data-testid=confusion-matrix]")))
                .hasSize(2);
        assertThat(browser.findElement(By.cssSelector("[data-int8-check]")).getText())
                .contains("int8 picks the float32 class on");
        assertThat(browser.findElement(By.id("sizes-table")).getText()).contains("MACs per inference");
        assertThat(browser.findElement(By.id("lineage")).getText())
                .contains("Impulse version")
                .contains("12 epochs");
        assertThat(browser.findElements(By.cssSelector("#history-loss path.ef-line")))
                .hasSize(2);
        assertThat(browser.findElement(By.id("download-int8")).getAttribute("href"))
                .contains("variant=int8");
        // issue #12: one accuracy — the headline is top-1, the uncertain rate and the rest stand beside it, and every
        // column of the confusion matrix is named
        WebElement testCard = browser.findElement(By.cssSelector("[data-evaluation=test]"));
        assertThat(testCard.findElements(By.cssSelector("[data-figure]")))
                .extracting(e -> e.getAttribute("data-figure"))
                .containsExactly(
                        "accuracy",
                        "int8-accuracy",
                        "uncertain-rate",
                        "confident-accuracy",
                        "sample-accuracy",
                        "macro-f1");
        assertThat(testCard.findElement(By.cssSelector("[data-figure=accuracy]"))
                        .getText())
                .contains("Accuracy (top-1, float32)");
        assertThat(testCard.findElement(By.cssSelector("[data-figure=sample-accuracy]"))
                        .getText())
                .contains("samples, majority vote");
        assertThat(testCard.getText()).contains("however low that score is");
        for (WebElement table :
                browser.findElements(By.cssSelector("[data-evaluation] [data-testid=confusion-matrix]"))) {
            List<WebElement> heads = table.findElements(By.cssSelector("thead th"));
            assertThat(heads)
                    .extracting(WebElement::getText)
                    .allSatisfy(text -> assertThat(text).isNotBlank());
            assertThat(heads.get(heads.size() - 1).getText()).isEqualTo("of which uncertain");
            for (WebElement row : table.findElements(By.cssSelector("tbody tr"))) {
                assertThat(row.findElements(By.cssSelector("td"))).hasSize(heads.size() - 1);
            }
        }
        String headline = testCard.findElement(By.cssSelector("[data-figure=accuracy] .value"))
                .getText();
        String uncertainRate = testCard.findElement(By.cssSelector("[data-figure=uncertain-rate] .value"))
                .getText();
        String sampleAccuracy = testCard.findElement(By.cssSelector("[data-figure=sample-accuracy] .value"))
                .getText();
        String int8Headline = testCard.findElement(By.cssSelector("[data-figure=int8-accuracy] .value"))
                .getText();
        String lenient = browser.findElement(By.id("testing-summary")).getText();
        assertThat(lenient).contains("accuracy (top-1) " + headline);
        setSlider("0.99");
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("testing-summary"), lenient)));
        assertThat(browser.findElement(By.id("threshold-value")).getText()).isEqualTo("0.99");
        assertThat(browser.findElements(By.cssSelector("tr.ef-uncertain"))).isNotEmpty();
        // a stricter threshold makes windows uncertain but no right answer wrong: the top-1 accuracy stays
        String strict = browser.findElement(By.id("testing-summary")).getText();
        assertThat(strict).contains("accuracy (top-1) " + headline).contains("uncertain below 0.99");
        scrollTo("testing-card");
        screenshot("model-testing");

        scrollTo("sizes");
        screenshot("model-sizes");
        scrollTo("history-card");
        screenshot("model-middle");

        new Select(browser.findElement(By.id("live-sample"))).selectByIndex(1);
        browser.findElement(By.id("classify-sample")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#live-table [data-live-row]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=live-summary]"))
                        .getText())
                .contains("windows");
        scrollTo("live-card");
        screenshot("model-live");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("model-top");

        browser.findElement(By.cssSelector(".sidebar a[data-nav=models]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#model-table [data-model-id]")));
        // the list says what its accuracy is and shows the model page's test figures beside it (#12)
        assertThat(browser.findElement(By.cssSelector("#model-table thead")).getAttribute("textContent"))
                .contains("Accuracy (top-1) / error");
        assertThat(browser.findElement(By.id("model-table")).getText())
                .contains("Browser gestures")
                .contains("top-1 ")
                .contains("validation")
                .contains(headline + " test")
                .contains(uncertainRate + " uncertain")
                .contains(sampleAccuracy + " per sample");
        screenshot("models-list");

        // the deployment of this model shows its page's figures for the deployed variant beside the device's (#12)
        browser.get(url("/projects/" + projectId + "/deployment"));
        assertThat(browser.findElement(By.id("deploy-model")).getText()).contains("Browser gestures");
        browser.findElement(By.cssSelector(".target-card[data-target=netduinoplus2-qemu]"))
                .click();
        browser.findElement(By.id("deploy-build")).click();
        new WebDriverWait(browser, Duration.ofMinutes(4))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-state"), "ready"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("model-figures-box")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("model-figures"), "Macro F1"));
        assertThat(browser.findElement(By.id("model-figures-title")).getText())
                .isEqualTo("The model's figures (int8, test set, as on its page)");
        assertThat(browser.findElement(By.cssSelector("#model-figures [data-figure=accuracy]"))
                        .getText())
                .isEqualTo(int8Headline);
        assertThat(browser.findElement(By.id("model-figures")).getText())
                .contains("Accuracy (top-1)")
                .contains("Uncertain (top score below 0.6)")
                .contains("samples, majority vote");
        assertThat(browser.findElement(By.id("verification-details")).getText())
                .contains("Top-1 accuracy on the server");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('run-result').scrollIntoView()");
        screenshot("deployment-figures");
    }

    @Test
    void aModelWhoseInt8LosesTheFloatClassSaysWhyAndWhatToChangeOnItsPage() throws Exception {
        // issue #19: one feature in raw units (thousands) beside features of a few units, one int8 input scale
        ApiClient client = ApiClient.stateless(port);
        TestUsers.User user = TestUsers.register(client, "browser-int8");
        UUID projectId = TestUsers.createProject(client, user, "Raw units");
        GestureProject project = GestureProject.classic(projectId, store, registry);
        project.register(
                store,
                registry,
                GestureProject.withFirstFeatureTimes(project.training, 4000),
                GestureProject.withFirstFeatureTimes(project.testing, 4000));
        ApiClient.Response started = client.post(
                "/api/v1/projects/" + projectId + "/jobs/train",
                Map.of("name", "Raw units", "hyperparameters", Map.of("epochs", 10)),
                user.auth());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        UUID modelId = UUID.fromString(started.text("modelId"));
        JsonNode model = ModelTesting.awaitModel(client, user, projectId, modelId, "ready");
        JsonNode check = model.path("metrics").path("int8Check");
        assertThat(check.path("warning").isString()).as(check.toString()).isTrue();
        ApiClient.Response log = client.send(
                "GET",
                "/api/v1/jobs/" + started.text("jobId") + "/logs",
                null,
                user.auth(),
                List.of("Accept", "application/json"));
        assertThat(log.body())
                .contains("WARNING: int8 picks the float32 class on only")
                .contains("Suggested fix");

        signIn(user);
        browser.get(url("/projects/" + projectId + "/models/" + modelId));
        By warning = By.cssSelector("[data-int8-check=warning]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(warning));
        assertThat(browser.findElement(warning).getText())
                .contains("int8 loses accuracy")
                .contains("The int8 input alone causes it")
                .contains("feature 0 spans")
                .contains("Suggested fix: Bring the features to similar ranges in the processing block");
        // int8 accuracy and agreement next to float32, as for every model
        assertThat(browser.findElement(By.cssSelector("[data-evaluation=validation]"))
                        .getText())
                .contains("Accuracy (top-1, float32)")
                .contains("Accuracy (top-1, int8)")
                .contains("int8 = float32 class");
        screenshot("int8-warning");
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private void setSlider(String value) {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "var s = document.getElementById('threshold-slider');"
                                + "s.value = arguments[0]; s.dispatchEvent(new Event('input'));",
                        value);
    }

    private void screenshot(String name) throws IOException {
        screenshot(Path.of("/tmp/ef-model-" + name + ".png"));
    }
}
