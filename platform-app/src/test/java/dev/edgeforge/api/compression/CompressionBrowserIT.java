package dev.edgeforge.api.compression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.HeadlessChromium;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.storage.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Compression in a real headless Chromium: from the sidebar to a model's compression page, start structured pruning
 * and distillation, follow the live log, read the report table and chart, and choose a variant for deployment.
 * Fails (never skips) without Debian's {@code chromium} and {@code chromium-driver}.
 */
@IntegrationTest
class CompressionBrowserIT {

    private static final Path SCREENSHOT = Path.of("/tmp/ef-compression.png");

    @LocalServerPort
    int port;

    @Autowired
    ObjectStore store;

    @Autowired
    JobQueue queue;

    @Autowired
    DataSource dataSource;

    @Autowired
    ChosenVariants chosenVariants;

    @TempDir
    Path browserProfile;

    TrainedModels models;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        models = new TrainedModels(queue, store, dataSource);
        browser = HeadlessChromium.start(browserProfile, 1366, 1400);
        // the page re-renders the report after every change, so an element may go stale between find and read
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void compressFromThePageAndChooseAVariant() throws IOException {
        ApiClient client = ApiClient.stateless(port);
        User owner = TestUsers.register(client, "compress-browser");
        UUID projectId = TestUsers.createProject(client, owner, "Gestures");
        TrainedModels.Trained trained = models.trainGestureClassifier(projectId, "Wrist gestures");

        browser.get(url("/login"));
        type("email", owner.email());
        type("password", owner.password());
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/projects$"));
        browser.get(url("/projects/" + projectId));
        browser.findElement(By.cssSelector(".sidebar a[data-nav=compression]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("compression-models")));
        assertThat(browser.findElement(By.id("compression-models")).getText()).contains("Wrist gestures");
        browser.findElement(By.cssSelector("[data-compress-link='" + trained.modelId() + "']"))
                .click();

        // the student starts as the model's layers at half their units: 24-12 becomes 12-6
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#student-layers li"), 2));
        List<WebElement> units = browser.findElements(By.cssSelector("#student-layers [data-size-field]"));
        assertThat(units).extracting(e -> e.getAttribute("value")).containsExactly("12", "6");
        browser.findElement(By.cssSelector("#student-layers li:last-child [data-remove-layer]"))
                .click();
        browser.findElement(By.cssSelector("#compress-form [name=magnitude]")).click();
        type("structured-fraction", "50");
        type("fine-tune-epochs", "4");
        type("student-epochs", "15");
        browser.findElement(By.id("start-compression")).click();

        // live run, then the report
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("run-card")));
        new WebDriverWait(browser, Duration.ofSeconds(180))
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#report-rows tr"), 6));
        assertThat(browser.findElement(By.id("run-state")).getText()).isEqualTo("succeeded");
        assertThat(browser.findElement(By.id("compression-log")).getText())
                .contains("Stage 2/3: structured pruning")
                .contains("distillation: Epoch 15/15");
        assertThat(browser.findElements(By.cssSelector("#report-rows tr")))
                .extracting(row -> row.getAttribute("data-variant"))
                .containsExactly(
                        "float32",
                        "int8",
                        "structured-pruning",
                        "structured-pruning-int8",
                        "distillation",
                        "distillation-int8");
        assertThat(browser.findElements(By.cssSelector("#report-chart svg .cmp-points [data-variant]")))
                .hasSize(6);
        String structuredRow = browser.findElement(By.cssSelector("#report-rows tr[data-variant=structured-pruning]"))
                .getText();
        assertThat(structuredRow).contains("units/filters removed");

        browser.findElement(By.cssSelector("[data-use-variant=distillation-int8]"))
                .click();
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector("#report-rows tr[data-variant=distillation-int8]"), "class", "chosen"));
        assertThat(browser.findElement(By.id("page-alert")).getText()).contains("distillation-int8");
        assertThat(browser.findElements(By.cssSelector("#report-chart .cmp-point.chosen")))
                .hasSize(1);
        assertThat(chosenVariants
                        .chosen(projectId, trained.modelId())
                        .orElseThrow()
                        .variant())
                .isEqualTo("distillation-int8");
        browser.manage().window().setSize(new Dimension(1366, 2600));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);

        // the Compression page lists the model with its state and the chosen variant
        browser.get(url("/projects/" + projectId + "/compression"));
        assertThat(browser.findElement(
                                By.cssSelector("#compression-models tr[data-model-id='" + trained.modelId() + "']"))
                        .getText())
                .contains("succeeded")
                .contains("distillation-int8");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
