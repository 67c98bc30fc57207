package dev.edgeforge.api.impulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.feature.FeatureJobService;
import dev.edgeforge.api.feature.SyntheticSamples;
import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.HeadlessChromium;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.ResizeMode;
import dev.edgeforge.core.synthetic.GestureDataset;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.feature.FeatureJobSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The impulse design page in a real headless Chromium: edit and save (the version goes up), a refused field shown
 * beside its input, cost estimates per block, the feature job's live log, and the explorer's points, one of which
 * opens its sample. The job is started through {@link FeatureJobService} with stored synthetic samples rather than
 * uploads, to keep the test short. Screenshots go to {@code /tmp/ef-impulse-*.png}.
 */
@IntegrationTest
class ImpulseDesignBrowserIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    FeatureJobService features;

    @Autowired
    ObjectStore store;

    @TempDir
    Path browserProfile;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start(browserProfile, 1500, 1100);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(User user) {
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(user.email());
        browser.findElement(By.id("password")).sendKeys(user.password());
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/projects$"));
    }

    private void openImpulsePage(UUID projectId) {
        browser.get(url("/projects/" + projectId + "/impulse"));
        wait.until(ExpectedConditions.attributeToBe(By.id("impulse-page"), "data-ready", "true"));
    }

    private WebElement field(String path) {
        return browser.findElement(By.cssSelector("[data-field=\"" + path + "\"]"));
    }

    private void setNumber(String path, String value) {
        WebElement input = field(path).findElement(By.cssSelector("input"));
        input.clear();
        input.sendKeys(value);
    }

    private void save(String expectedVersion) {
        browser.findElement(By.id("save-impulse")).click();
        wait.until(ExpectedConditions.textToBe(By.id("impulse-version"), expectedVersion));
    }

    private void screenshot(String name) throws IOException {
        Files.copy(
                browser.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("/tmp/ef-impulse-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void anImageImpulseTooLargeForTheBoardSaysSoBesideTheCostsBeforeAnythingIsTrained() throws Exception {
        // issue #20: POST .../impulse/costs answered errors: [] for 2048x2048 RGB (50 MB of RAM)
        ApiClient client = ApiClient.stateless(port);
        User owner = TestUsers.register(client, "ada");
        UUID projectId = TestUsers.createProject(client, owner, "Components");
        String impulse = """
                {"version": 0, "input": {"type": "image", "width": 2048, "height": 2048, "resizeMode": "fit-shortest",
                           "colorDepth": "rgb"},
                 "processingBlocks": [{"id": 1, "name": "Image", "axes": [],
                                       "params": {"type": "image", "normalization": "zero-to-one"}}],
                 "learningBlocks": [{"type": "classification", "name": "Classifier", "inputs": [1]}]}
                """;
        ApiClient.Response saved = client.put("/api/v1/projects/" + projectId + "/impulse", impulse, owner.auth());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        signIn(owner);

        openImpulsePage(projectId);

        WebElement device = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#cost-totals [data-cost=device]")));
        assertThat(device.getAttribute("class")).contains("invalid");
        assertThat(device.getText())
                .startsWith("Does not fit the board: RAM ")
                .contains("of 128.0 kB")
                .contains("raw window 12,582,912 B")
                .contains("grayscale");
        screenshot("image-does-not-fit");

        // 96x96 with the default learning block fits
        String small = impulse.replace("2048", "96");
        assertThat(client.put("/api/v1/projects/" + projectId + "/impulse", small, owner.auth())
                        .status())
                .isEqualTo(200);
        openImpulsePage(projectId);
        wait.until(ExpectedConditions.textMatches(
                By.cssSelector("#cost-totals [data-cost=device]"), Pattern.compile("^Fits the board: RAM .*")));
    }

    @Test
    void theBackgroundTransparentPhotosAreFlattenedOntoIsPickedAndSaved() {
        // issue #20: the transparency background is the image input block's "background"
        ApiClient client = ApiClient.stateless(port);
        User owner = TestUsers.register(client, "hedy");
        UUID projectId = TestUsers.createProject(client, owner, "Stickers");
        String impulse = """
                {"version": 0, "input": {"type": "image", "width": 32, "height": 32, "resizeMode": "squash",
                           "colorDepth": "rgb", "background": "BACKGROUND"},
                 "processingBlocks": [{"id": 1, "name": "Image", "axes": [],
                                       "params": {"type": "image", "normalization": "zero-to-one"}}],
                 "learningBlocks": [{"type": "classification", "name": "Classifier", "inputs": [1]}]}
                """;
        ApiClient.Response refused = client.put(
                "/api/v1/projects/" + projectId + "/impulse", impulse.replace("BACKGROUND", "grey"), owner.auth());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("input.background").contains("#rrggbb");
        ApiClient.Response saved = client.put(
                "/api/v1/projects/" + projectId + "/impulse", impulse.replace("BACKGROUND", "#ffffff"), owner.auth());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        signIn(owner);
        openImpulsePage(projectId);

        WebElement colour = field("input.background").findElement(By.cssSelector("input[type=color]"));
        assertThat(colour.getAttribute("value")).isEqualTo("#ffffff");
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = '#336699'; arguments[0].dispatchEvent(new Event('input'))", colour);
        save("Version 2");

        ApiClient.Response stored = client.get("/api/v1/projects/" + projectId + "/impulse", owner.auth());
        assertThat(stored.json().get("version").asInt()).isEqualTo(2);
        assertThat(stored.json().get("impulse").get("input").get("background").asString())
                .isEqualTo("#336699");
        openImpulsePage(projectId);
        assertThat(field("input.background")
                        .findElement(By.cssSelector("input[type=color]"))
                        .getAttribute("value"))
                .isEqualTo("#336699");
    }

    @Test
    void designSaveAndExploreAnImpulse() throws Exception {
        ApiClient client = ApiClient.stateless(port);
        User owner = TestUsers.register(client, "grace");
        UUID projectId = TestUsers.createProject(client, owner, "Wrist gestures");
        signIn(owner);

        // the sidebar leads to the page; a new project shows the default impulse, not saved
        browser.get(url("/projects/" + projectId));
        browser.findElement(By.cssSelector(".sidebar a[data-nav=impulse]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("impulse-page"), "data-ready", "true"));
        assertThat(browser.findElement(By.id("impulse-version")).getText()).isEqualTo("Not saved yet");
        assertThat(browser.findElement(By.cssSelector(".sidebar a.active")).getText())
                .isEqualTo("Impulse design");
        assertThat(browser.findElements(By.cssSelector(".dsp-block"))).hasSize(1);
        wait.until(ExpectedConditions.textMatches(
                By.cssSelector("[data-cost-for=\"1\"]"), Pattern.compile("(?s)RAM .* per window")));
        assertThat(browser.findElement(By.id("cost-totals")).getText()).contains("168 MHz");

        // edit: a shorter window, then save: version 1
        setNumber("input.windowSizeMs", "1000");
        save("Version 1");
        assertThat(browser.findElement(By.cssSelector("#page-alert")).getText()).contains("Saved as version 1");

        // a second block, another FFT length, saved: version 2
        browser.findElement(By.id("add-block")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".dsp-block"), 2));
        new Select(field("processingBlocks[1].params").findElement(By.tagName("select"))).selectByValue("flatten");
        new Select(field("processingBlocks[0].spectral-analysis.fftLength").findElement(By.tagName("select")))
                .selectByValue("32");
        save("Version 2");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#version-rows tr[data-version]"), 2));
        assertThat(browser.findElement(By.cssSelector("#version-rows tr[data-version=\"2\"]"))
                        .getText())
                .contains("grace")
                .contains("Spectral features (spectral-analysis) · Flatten (flatten)");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('versions-card').scrollIntoView()");
        screenshot("versions");
        ApiClient.Response saved = client.get("/api/v1/projects/" + projectId + "/impulse", owner.auth());
        assertThat(saved.json().get("version").asInt()).isEqualTo(2);
        assertThat(saved.json().get("impulse").get("input").get("windowSizeMs").asDouble())
                .isEqualTo(1000);
        assertThat(saved.json()
                        .get("impulse")
                        .get("processingBlocks")
                        .get(1)
                        .get("params")
                        .get("type")
                        .asString())
                .isEqualTo("flatten");

        // a cut-off above Nyquist is refused, the message beside the field; the version stays
        setNumber("processingBlocks[0].spectral-analysis.filterCutoffHz", "40");
        browser.findElement(By.id("save-impulse")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field=\"processingBlocks[0].spectral-analysis.filterCutoffHz\"] .error")));
        assertThat(error.getText()).contains("Nyquist");
        assertThat(browser.findElement(By.id("impulse-errors")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("impulse-version")).getText()).isEqualTo("Version 2");
        wait.until(ExpectedConditions.textMatches(
                By.cssSelector("[data-cost-for=\"1\"]"), Pattern.compile("(?s)No estimate: .*Nyquist")));
        screenshot("validation");
        browser.findElement(By.id("reset-impulse")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("impulse-errors")));

        // features of version 2 from 40 stored recordings of 60 s; the page follows the running job
        List<FeatureJobSample> samples = SyntheticSamples.store(
                store,
                projectId,
                GestureDataset.builder()
                        .optPersons(10)
                        .optRecordingsPerGesture(1)
                        .optLengthSeconds(60)
                        .build()
                        .generate());
        FeatureJobService.Started started = features.start(projectId, null, owner.id(), id -> samples);
        openImpulsePage(projectId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feature-log")));
        WebElement log = browser.findElement(By.id("feature-log"));
        wait.until(ExpectedConditions.textMatches(By.id("feature-log"), Pattern.compile("Done: ")));
        assertThat(log.getText()).contains("Impulse version 2").contains("Computed 40 of 40 sample(s)");
        wait.until(ExpectedConditions.attributeToBe(By.id("feature-progress"), "data-state", "succeeded"));

        // the explorer draws the windows, coloured by label, with a legend
        wait.until(
                ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#explorer-plot circle.point"), 1000));
        assertThat(browser.findElement(By.id("feature-status")).getText())
                .contains("Version 2: " + (40 * ((3750 - 63) / 5 + 1)) + " windows");
        List<WebElement> legend = browser.findElements(By.cssSelector("#explorer-legend li"));
        assertThat(legend)
                .extracting(li -> li.getAttribute("data-label"))
                .containsExactly("circle", "idle", "updown", "wave");
        List<String> fills = browser.findElements(By.cssSelector("#explorer-plot circle.point")).stream()
                .limit(4000)
                .map(c -> c.getAttribute("fill"))
                .distinct()
                .toList();
        assertThat(fills).hasSize(4);
        assertThat(browser.findElement(By.id("explorer-caption")).getText())
                .contains("of 29")
                .contains("windows");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('features-card').scrollIntoView()");
        screenshot("explorer");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("design");

        // a click on a point opens that sample at that window
        WebElement point = browser.findElement(By.cssSelector("#explorer-plot circle.point[data-label=wave]"));
        String sampleId = point.getAttribute("data-sample-id");
        String window = point.getAttribute("data-window");
        assertThat(samples.stream().map(FeatureJobSample::id)).contains(sampleId);
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", point);
        wait.until(ExpectedConditions.urlContains(
                "/projects/" + projectId + "/data/samples/" + sampleId + "?window=" + window));
        assertThat(started.impulseVersion()).isEqualTo(2);
    }

    /** The image block's camera settings (#20): shown with their defaults, saved as typed, a size too large refused. */
    @Test
    void theImageBlockNamesTheDevicesCamera() throws Exception {
        ApiClient client = ApiClient.stateless(port);
        User owner = TestUsers.register(client, "hedy");
        UUID projectId = TestUsers.createProject(client, owner, "Parts on a belt");
        Impulse image = new Impulse(
                1,
                new ImageInput(48, 48, ResizeMode.SQUASH, ColorDepth.RGB),
                List.of(new ProcessingBlock(1, "Image", List.of(), ImageParams.defaults())),
                List.of(new LearningBlockRef("classification", "NN", List.of(1), null)));
        String base = "/api/v1/projects/" + projectId + "/impulse";
        ApiClient.Response put = client.put(base, JSON.readTree(ImpulseJson.write(image)), owner.auth());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        signIn(owner);
        openImpulsePage(projectId);

        WebElement width = field("processingBlocks[0].image.cameraWidth").findElement(By.cssSelector("input"));
        assertThat(width.getAttribute("value")).isEqualTo("0");
        assertThat(field("processingBlocks[0].image.cameraWidth").getText()).contains("Camera width");
        setNumber("processingBlocks[0].image.cameraWidth", "160");
        setNumber("processingBlocks[0].image.cameraHeight", "120");
        new Select(field("processingBlocks[0].image.pixelFormat").findElement(By.tagName("select")))
                .selectByValue("rgb565");
        save("Version 2");
        screenshot("camera");
        JsonNode params = client.get(base, owner.auth())
                .json()
                .get("impulse")
                .get("processingBlocks")
                .get(0)
                .get("params");
        assertThat(params.get("cameraWidth").asInt()).isEqualTo(160);
        assertThat(params.get("cameraHeight").asInt()).isEqualTo(120);
        assertThat(params.get("pixelFormat").asString()).isEqualTo("rgb565");

        setNumber("processingBlocks[0].image.cameraWidth", "4096");
        browser.findElement(By.id("save-impulse")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field=\"processingBlocks[0].image.cameraWidth\"] .error")));
        assertThat(error.getText()).contains("2048");
        assertThat(browser.findElement(By.id("impulse-version")).getText()).isEqualTo("Version 2");
    }
}
