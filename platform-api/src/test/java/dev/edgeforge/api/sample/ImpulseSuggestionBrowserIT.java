package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.HeadlessChromium;
import dev.edgeforge.api.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue #12 on the impulse design page in a real headless Chromium: a project with watch gestures (accZ, 100 Hz)
 * shows the impulse suggested from them with its reasons; a rate far from the data's is refused beside its field
 * (422); a resampling rate saves with its warning beside the field; "Use the suggested impulse" brings the suggestion
 * back. Screenshots go to {@code /tmp/ef-suggestion-*.png}.
 */
@IntegrationTest
class ImpulseSuggestionBrowserIT {

    @LocalServerPort
    int port;

    @TempDir
    Path browserProfile;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start(browserProfile, 1500, 1300);
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

    private WebElement field(String path) {
        return browser.findElement(By.cssSelector("[data-field=\"" + path + "\"]"));
    }

    private void setNumber(String path, String value) {
        WebElement input = field(path).findElement(By.cssSelector("input"));
        input.clear();
        input.sendKeys(value);
    }

    private void screenshot(String name) throws IOException {
        Files.copy(
                browser.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("/tmp/ef-suggestion-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theSuggestionItsReasonsTheRefusalsAndTheWarningsOnThePage() throws Exception {
        TestProject project = TestProject.create(port, "Watch gestures");
        ImpulseFitsDataIT.uploadWatchGestures(project);
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(project.owner.email());
        browser.findElement(By.id("password")).sendKeys(project.owner.password());
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/projects$"));

        browser.get(url("/projects/" + project.id + "/impulse"));
        wait.until(ExpectedConditions.attributeToBe(By.id("impulse-page"), "data-ready", "true"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("suggestion-card")));

        // the unsaved impulse is the suggestion, explained in plain words
        assertThat(browser.findElement(By.id("impulse-version")).getText()).isEqualTo("Suggested, not saved yet");
        assertThat(browser.findElement(By.id("suggestion-intro")).getText()).contains("made from your 12 samples");
        assertThat(browser.findElement(By.id("suggestion-reasons")).getText())
                .contains("sensor recordings with the axis accZ")
                .contains("recorded at 100 Hz")
                .contains("padded with zeros")
                .contains("convolutional network");
        assertThat(field("input.frequencyHz")
                        .findElement(By.cssSelector("input"))
                        .getAttribute("value"))
                .isEqualTo("100");
        assertThat(browser.findElement(By.cssSelector("[data-axis=accZ]")).isSelected())
                .isTrue();
        screenshot("suggested");

        // a rate four times the data's is refused, the reason beside the field
        setNumber("input.frequencyHz", "400");
        browser.findElement(By.id("save-impulse")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("impulse-errors")));
        assertThat(browser.findElement(By.id("impulse-errors")).getText()).contains("does not fit the project");
        WebElement frequency = field("input.frequencyHz");
        assertThat(frequency.getAttribute("class")).contains("invalid");
        assertThat(frequency.getText()).contains("more than 2 times the samples' rate (100 Hz)");
        assertThat(browser.findElement(By.id("impulse-version")).getText()).isEqualTo("Suggested, not saved yet");
        screenshot("refused");

        // a rate that resamples saves, with its warning beside the field and in the box
        setNumber("input.frequencyHz", "62.5");
        browser.findElement(By.id("save-impulse")).click();
        wait.until(ExpectedConditions.textToBe(By.id("impulse-version"), "Version 1"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("impulse-warnings")));
        assertThat(browser.findElement(By.id("impulse-warnings")).getText()).contains("resampled to 62.5 Hz");
        assertThat(field("input.frequencyHz").getText()).contains("recorded at 100 Hz");
        // the suggested layers followed the shorter window: 4.14 s at 62.5 Hz is 258 readings, pooled to 32 (at
        // 100 Hz the last pooling spans 51), so the save was not refused for a layer the user never wrote
        JsonNode layers = project.client
                .get(project.base + "/impulse", project.auth())
                .json()
                .get("impulse")
                .get("learningBlocks")
                .get(0)
                .get("settings")
                .get("layers");
        assertThat(layers.findValuesAsString("type")).contains("conv1d", "average_pool1d");
        assertThat(layers.get(layers.size() - 3).get("poolSize").asInt()).isEqualTo(32);
        screenshot("warned");

        // the suggestion comes back into the editor and saves without a warning
        assertThat(browser.findElement(By.id("suggestion-intro")).getText()).contains("Made from your 12 samples");
        browser.findElement(By.id("use-suggestion")).click();
        wait.until(d -> "100"
                .equals(field("input.frequencyHz")
                        .findElement(By.cssSelector("input"))
                        .getAttribute("value")));
        assertThat(browser.findElement(By.id("impulse-version-note")).getText()).isEqualTo("unsaved changes");
        browser.findElement(By.id("save-impulse")).click();
        wait.until(ExpectedConditions.textToBe(By.id("impulse-version"), "Version 2"));
        assertThat(browser.findElement(By.id("impulse-warnings")).isDisplayed()).isFalse();
    }
}
