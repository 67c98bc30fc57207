package dev.edgeforge.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.HeadlessChromium;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.StudioExport;
import dev.edgeforge.api.support.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue #18 as a team moving from Edge Impulse does it, in a real headless Chromium: on the data page it chooses the
 * real Studio export folder (shared/datasets/ei-studio-export, signed HS256 with a key this project never gets, with
 * a label only its testing set has) with "Choose a folder…" ({@code webkitdirectory}); the page reads the folder's
 * info.labels, every file goes in unchanged and shows as {@code unverified}. The project then trains with the
 * defaults, and the model page says which test windows are not a class of the model. Screenshots go to
 * {@code /tmp/ef-migration-*.png}. Fails (never skips) without Chromium or the export.
 */
@IntegrationTest
class StudioMigrationBrowserIT {

    private static final Duration JOB_LIMIT = Duration.ofMinutes(6);

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start(profile, 1366, 1000);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aStudioExportFolderGoesInUnchangedAndTrainsWithTheDefaults() throws Exception {
        ApiClient client = ApiClient.stateless(port);
        TestUsers.User owner = TestUsers.register(client, "from-studio");
        UUID projectId = TestUsers.createProject(client, owner, "Motion from Studio");
        String base = "/api/v1/projects/" + projectId;
        signIn(owner);

        browser.get(url("/projects/" + projectId + "/data"));
        WebElement folder = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-folder")));
        assertThat(browser.findElements(By.cssSelector("[data-signature]"))).isEmpty();
        // chromedriver hands a folder path to a webkitdirectory input as the browser's folder picker would
        folder.sendKeys(StudioExport.folder().toString());

        wait.until(d -> d.findElements(By.cssSelector("#upload-queue li.done, #upload-queue li.failed"))
                        .size()
                == 1);
        assertThat(browser.findElements(By.cssSelector("#upload-queue li.failed")))
                .isEmpty();
        String queue = browser.findElement(By.id("upload-queue")).getText();
        assertThat(queue)
                .as("what the folder's info.labels says, read by the page")
                .contains("ei-studio-export/info.labels")
                .contains(
                        "41 file(s) listed; labels Circle, Idel, Right-left, unknown, up-down; 9 testing, 32 training")
                .contains("stored 41 sample(s)");
        wait.until(d -> d.findElements(By.cssSelector("#sample-rows [data-signature=unverified]"))
                        .size()
                == StudioExport.FILES);
        screenshot("data-page");

        List<JsonNode> samples = listAll(client, owner, base);
        assertThat(samples).hasSize(StudioExport.FILES);
        Map<String, Integer> byCategoryAndLabel = new TreeMap<>();
        samples.forEach(s -> byCategoryAndLabel.merge(
                s.get("category").asString() + "/" + s.get("label").asString(), 1, Integer::sum));
        assertThat(byCategoryAndLabel)
                .as("as the export's info.labels says")
                .isEqualTo(Map.of(
                        "training/Circle", 7,
                        "training/Idel", 8,
                        "training/Right-left", 8,
                        "training/up-down", 9,
                        "testing/Circle", 3,
                        "testing/Idel", 2,
                        "testing/Right-left", 2,
                        "testing/up-down", 1,
                        "testing/unknown", 1));
        Map<String, byte[]> files = StudioExport.dataFiles();
        assertThat(samples)
                .extracting(s -> s.get("sha256").asString())
                .as("each file stored byte for byte")
                .containsExactlyInAnyOrderElementsOf(
                        files.values().stream().map(StudioExport::sha256).toList());

        // the defaults: the impulse the project proposes, training without any setting
        JsonNode impulse = client.get(base + "/impulse", owner.auth()).json().get("impulse");
        ApiClient.Response saved = client.put(base + "/impulse", impulse.toString(), owner.auth());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        ApiClient.Response features = client.post(base + "/jobs/features", Map.of(), owner.auth());
        assertThat(features.status()).as(features.body()).isEqualTo(202);
        awaitSucceeded(client, owner, UUID.fromString(features.text("jobId")));
        ApiClient.Response train = client.post(base + "/jobs/train", Map.of("name", "Studio motion"), owner.auth());
        assertThat(train.status()).as(train.body()).isEqualTo(202);
        awaitSucceeded(client, owner, UUID.fromString(train.text("jobId")));
        UUID modelId = UUID.fromString(train.text("modelId"));
        JsonNode model = client.get(base + "/models/" + modelId, owner.auth()).json();
        assertThat(model.get("state").asString()).as(model.toString()).isEqualTo("ready");
        assertThat(model.get("labels"))
                .as("the model's classes come from the training data")
                .extracting(JsonNode::asString)
                .containsExactly("Circle", "Idel", "Right-left", "up-down");

        browser.get(url("/projects/" + projectId + "/models/" + modelId));
        WebElement note = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-evaluation=test] [data-not-a-class]")));
        int unknownWindows = model.at("/metrics/test/unknownLabels/unknown").asInt();
        assertThat(unknownWindows).isPositive();
        assertThat(note.getText())
                .startsWith(unknownWindows + " test windows are not a class of this model: \u201cunknown\u201d ("
                        + unknownWindows + ")")
                .contains("not counted in accuracy");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-prediction-row]")));
        assertThat(browser.findElements(
                        By.xpath("//tr[@data-prediction-row][td[3][contains(., 'not a class of this model')]]")))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.getText()).contains("unknown"));
        assertThat(browser.findElement(By.id("testing-summary")).getText())
                .contains(unknownWindows + " not a class of this model");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", note);
        screenshot("model-page");
    }

    private static List<JsonNode> listAll(ApiClient client, TestUsers.User owner, String base) {
        ApiClient.Response page = client.get(base + "/samples?limit=1000", owner.auth());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.json().get("items").forEach(items::add);
        return items;
    }

    private static void awaitSucceeded(ApiClient client, TestUsers.User owner, UUID jobId) throws InterruptedException {
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

    private void signIn(TestUsers.User user) {
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(user.email());
        browser.findElement(By.id("password")).sendKeys(user.password());
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/projects$"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) throws IOException {
        Files.copy(
                browser.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("/tmp/ef-migration-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
