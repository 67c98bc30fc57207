package dev.edgeforge.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.HeadlessChromium;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.core.synthetic.GestureDataset.Gesture;
import dev.edgeforge.infra.storage.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An anomaly model in a real headless Chromium (issue #19): on the Training page choose the Gaussian mixture and tick
 * the normal labels, train, then on the model page read the figures, the ROC curve and the score histograms, move
 * the threshold picker, read the trade-off and save the threshold — the figures on the page and in the API follow.
 * Screenshots go to {@code /tmp/ef-anomaly-*.png}. Fails (never skips) without Debian's chromium and chromium-driver.
 */
@IntegrationTest
class AnomalyModelBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ObjectStore store;

    @Autowired
    TestModelPorts.Registry registry;

    @TempDir
    Path browserProfile;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start(browserProfile, 1400, 1000);
        wait = new WebDriverWait(browser, Duration.ofSeconds(120));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void trainAGaussianMixtureOnTheNormalLabelsThenPickAndSaveTheThreshold() throws Exception {
        ApiClient client = ApiClient.stateless(port);
        TestUsers.User user = TestUsers.register(client, "anomaly-browser");
        UUID projectId = TestUsers.createProject(client, user, "Pump");
        GestureProject.create(
                projectId,
                store,
                registry,
                GestureProject.gestures(Gesture.IDLE, Gesture.WAVE, Gesture.UPDOWN),
                GestureProject.gestures(Gesture.IDLE, Gesture.WAVE, Gesture.UPDOWN),
                2,
                2);
        signIn(user);

        browser.get(url("/projects/" + projectId + "/training"));
        WebElement start = browser.findElement(By.id("start-training"));
        wait.until(ExpectedConditions.elementToBeClickable(start));
        new Select(browser.findElement(By.id("block-kind"))).selectByValue("anomaly_gmm");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gmm-editor")));
        type("gmm-components", "3");
        browser.findElement(By.cssSelector("[data-normal-label=idle]")).click();
        browser.findElement(By.cssSelector("[data-normal-label=wave]")).click();
        type("model-name", "Pump GMM");
        wait.until(ExpectedConditions.elementToBeClickable(start));
        start.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=training-done], [data-testid=training-error]")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=training-error]")))
                .isEmpty();

        JsonNode listed = client.get("/api/v1/projects/" + projectId + "/models", user.auth())
                .json();
        UUID modelId = UUID.fromString(listed.get(0).path("id").asString());
        String api = "/api/v1/projects/" + projectId + "/models/" + modelId;
        JsonNode model = client.get(api, user.auth()).json();
        assertThat(model.path("labels").toString()).isEqualTo("[\"idle\",\"wave\"]");
        assertThat(model.path("lineage").path("learningBlock").path("kind").asString())
                .isEqualTo("anomaly_gmm");

        browser.get(url("/projects/" + projectId + "/models/" + modelId));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("anomaly-tradeoff")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=anomaly-model]"))
                        .getText())
                .contains("Gaussian mixture, 3 components")
                .contains("labelled idle, wave as normal");
        JsonNode test = model.path("metrics").path("anomaly").path("test");
        assertThat(browser.findElement(By.cssSelector("[data-testid=cm-anomaly-called]"))
                        .getText())
                .isEqualTo(test.path("confusion").path("truePositives").asString());
        assertThat(Integer.parseInt(browser.findElement(By.cssSelector("#anomaly-roc path.ef-line"))
                        .getAttribute("data-points")))
                .isEqualTo(test.path("roc").size());
        assertThat(browser.findElements(By.cssSelector("#anomaly-histogram rect.ef-anomalous")))
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#anomaly-histogram rect.ef-normal")))
                .isNotEmpty();

        // move the picker to a candidate: the trade-off shown is the server's figures at that threshold
        int index = test.path("roc").size() / 2;
        JsonNode point = test.path("roc").get(index);
        ((JavascriptExecutor) browser)
                .executeScript(
                        "var s = document.getElementById('anomaly-threshold-picker');"
                                + "s.value = arguments[0]; s.dispatchEvent(new Event('input'));",
                        String.valueOf(index));
        String tradeoff = browser.findElement(By.id("anomaly-tradeoff")).getText();
        assertThat(tradeoff)
                .contains("catches " + percent(point.path("truePositiveRate").asDouble()) + " of anomalous windows")
                .contains("flags " + percent(point.path("falsePositiveRate").asDouble()) + " of normal windows");
        screenshot("picker");

        browser.findElement(By.id("save-anomaly-threshold")).click();
        wait.until(driver ->
                client.get(api, user.auth()).json().path("anomalyThreshold").asDouble()
                        == point.path("threshold").asDouble());
        JsonNode saved = client.get(api, user.auth()).json().path("metrics").path("anomaly");
        assertThat(saved.path("threshold").asDouble())
                .isEqualTo(point.path("threshold").asDouble());
        JsonNode confusion = saved.path("test").path("confusion");
        assertThat(confusion.path("recall").asDouble())
                .isEqualTo(point.path("truePositiveRate").asDouble());
        assertThat(confusion.path("falsePositiveRate").asDouble())
                .isEqualTo(point.path("falsePositiveRate").asDouble());
        // the page re-renders with the saved figures
        wait.until(driver -> driver.findElement(By.cssSelector("[data-testid=cm-anomaly-called]"))
                .getText()
                .equals(confusion.path("truePositives").asString()));
        screenshot("saved");
    }

    /** As the page's formatPercent writes a share. */
    private String percent(double share) {
        return (String)
                ((JavascriptExecutor) browser).executeScript("return (100 * arguments[0]).toFixed(1) + ' %';", share);
    }

    private void signIn(TestUsers.User user) {
        browser.get(url("/login"));
        type("email", user.email());
        type("password", user.password());
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/projects$"));
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) throws IOException {
        Files.copy(
                browser.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("/tmp/ef-anomaly-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
