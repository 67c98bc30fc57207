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

    private void signIn(TestProject project) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("email")).sendKeys(project.owner.email());
        browser.findElement(By.id("password")).sendKeys(project.owner.password());
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/projects$"));
    }

    private void screenshot() throws IOException {
        Files.copy(
                browser.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("/tmp/ef-label-rule.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
