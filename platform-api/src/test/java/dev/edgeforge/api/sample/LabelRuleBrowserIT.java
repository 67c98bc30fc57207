package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.HeadlessChromium;
import dev.edgeforge.api.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue #12 in a real headless Chromium: the data page's upload form takes a label rule (separator or regular
 * expression), shows what it makes of file names as it is typed (a broken pattern: the server's reason), and each
 * chosen file's line shows the label it will get before its upload starts. Screenshot: {@code /tmp/ef-label-rule.png}.
 */
@IntegrationTest
class LabelRuleBrowserIT {

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start(temp.resolve("profile"), 1366, 1000);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theUploadFormShowsEachFilesLabelByTheChosenRule() throws IOException {
        TestProject project = TestProject.create(port, "Digits in the browser");
        signIn(project);
        browser.get("http://localhost:" + port + "/projects/" + project.id + "/data");
        By example = By.id("label-rule-example");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(example, "0_george_5.wav \u2192 0_george_5"));

        Select rule = new Select(browser.findElement(By.id("upload-label-rule")));
        rule.selectByValue("separator");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(example, "0_george_5.wav \u2192 0 "));

        rule.selectByValue("regex");
        WebElement pattern = browser.findElement(By.id("upload-label-rule-value"));
        pattern.clear();
        pattern.sendKeys("^(\\d+_");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(example, "the pattern does not compile"));
        pattern.clear();
        pattern.sendKeys("^(\\d+)_");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(example, "0_george_5.wav \u2192 0 "));
        assertThat(browser.findElement(example).getText()).contains("idle.01.json \u2192 refused: no label");

        Path digit = temp.resolve("7_theo_12.wav");
        Files.write(digit, SampleFiles.wav(8000, 200, 0, 100));
        Path noise = temp.resolve("noise.wav");
        Files.write(noise, SampleFiles.wav(8000, 200, 1, 100));
        browser.findElement(By.id("upload-input")).sendKeys(digit + "\n" + noise);
        wait.until(d -> d.findElements(By.cssSelector("#upload-queue li.done")).size() == 1
                && d.findElements(By.cssSelector("#upload-queue li.failed")).size() == 1);
        List<WebElement> lines = browser.findElements(By.cssSelector("#upload-queue li"));
        assertThat(lines.get(0)
                        .findElement(By.cssSelector("[data-testid=queued-label]"))
                        .getText())
                .isEqualTo("label 7");
        assertThat(lines.get(0).getText()).contains("stored as").contains("(7, ");
        assertThat(lines.get(1).getText()).contains("not sent").contains("does not match");
        screenshot();

        List<JsonNode> samples = project.listAll("");
        assertThat(samples).hasSize(1);
        assertThat(samples.get(0).get("label").asString()).isEqualTo("7");
    }

    /** A folder without info.labels lists each file with the label it will get, and sends nothing before Upload. */
    @Test
    void aChosenFolderListsEachFilesLabelBeforeAnythingIsSent() throws Exception {
        TestProject project = TestProject.create(port, "Digit folder in the browser");
        signIn(project);
        browser.get("http://localhost:" + port + "/projects/" + project.id + "/data");
        Path folder = Files.createDirectories(temp.resolve("digits"));
        Files.write(folder.resolve("3_theo_1.wav"), SampleFiles.wav(8000, 200, 0, 100));
        Files.write(folder.resolve("4_jackson_2.wav"), SampleFiles.wav(8000, 200, 1, 100));
        Files.write(folder.resolve("noise.wav"), SampleFiles.wav(8000, 200, 2, 100));
        Select rule = new Select(browser.findElement(By.id("upload-label-rule")));
        rule.selectByValue("regex");
        WebElement pattern = browser.findElement(By.id("upload-label-rule-value"));
        pattern.clear();
        pattern.sendKeys("^(\\d+)_");

        // chromedriver hands a folder path to a webkitdirectory input as the browser's folder picker would
        browser.findElement(By.id("upload-folder")).sendKeys(folder.toString());
        By summary = By.id("folder-preview-summary");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(summary, "2 of 3 file(s) will be uploaded"));
        assertThat(browser.findElement(summary).getText())
                .contains("labeled 3 \u00d71, 4 \u00d71")
                .contains("1 get no label from the rule and will not be sent");
        List<String> rows = previewRows();
        assertThat(rows).hasSize(3).contains("digits/3_theo_1.wav 3", "digits/4_jackson_2.wav 4");
        assertThat(rows)
                .filteredOn(row -> row.startsWith("digits/noise.wav"))
                .singleElement()
                .satisfies(row -> assertThat(row).contains("none: not sent (").contains("it does not match"));
        assertThat(project.listAll("")).as("nothing is sent before Upload").isEmpty();

        // another rule lists again: with the separator _, noise.wav is labeled "noise"
        rule.selectByValue("separator");
        WebElement separator = browser.findElement(By.id("upload-label-rule-value"));
        separator.clear();
        separator.sendKeys("_");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(summary, "3 of 3 file(s) will be uploaded"));
        assertThat(previewRows()).contains("digits/noise.wav noise");
        screenshot("/tmp/ef-folder-label-preview.png");

        rule.selectByValue("regex");
        separator.clear();
        separator.sendKeys("^(\\d+)_");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(summary, "2 of 3 file(s) will be uploaded"));
        WebElement upload = browser.findElement(By.id("folder-upload"));
        assertThat(upload.getText()).isEqualTo("Upload 2 file(s)");
        upload.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("folder-preview")));
        wait.until(d -> d.findElements(By.cssSelector("#upload-queue li.done")).size() == 1);
        List<JsonNode> samples = project.listAll("");
        assertThat(samples).extracting(s -> s.get("label").asString()).containsExactlyInAnyOrder("3", "4");
    }

    private List<String> previewRows() {
        return browser.findElements(By.cssSelector("[data-testid=folder-preview-row]")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void signIn(TestProject project) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("email")).sendKeys(project.owner.email());
        browser.findElement(By.id("password")).sendKeys(project.owner.password());
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/projects$"));
    }

    private void screenshot() throws IOException {
        screenshot("/tmp/ef-label-rule.png");
    }

    private void screenshot(String file) throws IOException {
        Files.copy(
                browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of(file), StandardCopyOption.REPLACE_EXISTING);
    }
}
