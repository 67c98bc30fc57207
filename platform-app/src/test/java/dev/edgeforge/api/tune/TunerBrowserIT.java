package dev.edgeforge.api.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.HeadlessChromium;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Tuner page in a real headless Chromium: from the sidebar, the budget form prefilled from the chosen board, a
 * one-minute search on real gestures followed live, the candidates table sorted by a column, the scatter plot with its
 * latency line, the best candidates marked once measured in QEMU, and "Use this". Fails (never skips) without
 * Debian's {@code chromium} and {@code chromium-driver}.
 */
@IntegrationTest
class TunerBrowserIT {

    @LocalServerPort
    int port;

    @TempDir
    Path browserProfile;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start(browserProfile, 1366, 1400);
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
    void tuneFromThePageSortTheCandidatesAndUseOne() {
        ApiClient client = ApiClient.stateless(port);
        User owner = TestUsers.register(client, "tuner-browser");
        UUID projectId = TestUsers.createProject(client, owner, "Gestures");
        UwaveUpload.upload(port, owner, projectId, UwaveUpload.zip(200));

        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(owner.email());
        browser.findElement(By.id("password")).sendKeys(owner.password());
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/projects$"));
        browser.get(url("/projects/" + projectId));
        browser.findElement(By.cssSelector(".sidebar a[data-nav=tuner]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tune-form")));

        // the limits follow the board: the NUCLEO-L4R5ZI has 640 KB of RAM and 2 MB of flash, the F446RE 128 / 512
        assertThat(browser.findElement(By.id("tune-ram")).getAttribute("value")).isEqualTo("655360");
        new Select(browser.findElement(By.id("tune-target"))).selectByValue("nucleo-f446re");
        assertThat(browser.findElement(By.id("tune-ram")).getAttribute("value")).isEqualTo("131072");
        assertThat(browser.findElement(By.id("tune-flash")).getAttribute("value"))
                .isEqualTo("524288");
        new Select(browser.findElement(By.id("tune-target"))).selectByValue("nucleo-l4r5zi");
        type("tune-latency", "20");
        type("tune-ram", "32768");
        type("tune-budget", "1");
        browser.findElement(By.id("start-tune")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("run-card")));
        new WebDriverWait(browser, Duration.ofMinutes(5))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.cssSelector("#tune-rows tr")).isEmpty());
        assertThat(browser.findElement(By.id("run-state")).getText()).isEqualTo("succeeded");
        // the best candidates within the budget are built and run in QEMU (the L4R5's Cortex-M4F is emulated); the
        // page follows the measurement and marks their rows
        new WebDriverWait(browser, Duration.ofMinutes(12))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    String state = d.findElement(By.id("measure-state")).getAttribute("data-state");
                    return state != null
                            && !List.of("pending", "queued", "running").contains(state);
                });
        assertThat(browser.findElement(By.id("measure-state")).getAttribute("data-state"))
                .as(browser.findElement(By.id("measure-state")).getText())
                .isEqualTo("succeeded");
        assertThat(browser.findElement(By.id("measure-state")).getText()).contains("measured", "netduinoplus2-qemu");
        List<WebElement> measured = browser.findElements(By.cssSelector("#tune-rows tr.measured"));
        assertThat(measured).hasSizeBetween(1, 3);
        for (WebElement row : measured) {
            assertThat(row.findElement(By.cssSelector("td:nth-child(8)")).getText())
                    .contains("measured", "instr.");
        }
        assertThat(browser.findElements(By.cssSelector("#tune-rows tr:not(.measured) td:nth-child(8)")).stream()
                        .map(WebElement::getText)
                        .toList())
                .allMatch(text -> text.equals("estimated"));
        assertThat(browser.findElement(By.id("tune-log")).getText()).contains("Rung 0:", "c01 after 4 epochs");
        List<WebElement> rows = browser.findElements(By.cssSelector("#tune-rows tr"));
        assertThat(browser.findElements(By.cssSelector("#tune-chart svg .tuner-point")))
                .hasSize(rows.size());
        assertThat(browser.findElements(By.cssSelector("#tune-chart svg [data-limit=latency]")))
                .hasSize(1);
        assertThat(browser.findElement(By.id("result-meta")).getText()).contains("32,768 B RAM");

        // sort by latency: ascending on the first click
        browser.findElement(By.cssSelector("#tune-table th[data-sort=latencyMs] button"))
                .click();
        List<Double> latencies = browser.findElements(By.cssSelector("#tune-rows tr td:nth-child(3)")).stream()
                .map(td -> Double.parseDouble(td.getText()))
                .toList();
        assertThat(latencies).isSorted();
        assertThat(browser.findElement(By.cssSelector("#tune-table th[data-sort=latencyMs]"))
                        .getAttribute("aria-sort"))
                .isEqualTo("ascending");
        browser.findElement(By.cssSelector("#tune-table th[data-sort=latencyMs] button"))
                .click();
        assertThat(browser.findElement(By.cssSelector("#tune-table th[data-sort=latencyMs]"))
                        .getAttribute("aria-sort"))
                .isEqualTo("descending");

        WebElement first = browser.findElement(By.cssSelector("#tune-rows tr"));
        String candidate = first.getAttribute("data-candidate");
        first.findElement(By.cssSelector("[data-apply]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-alert"), "impulse version 1"));
        assertThat(browser.findElement(By.id("page-alert")).getText()).contains("Candidate " + candidate);
        assertThat(client.get("/api/v1/projects/" + projectId + "/impulse", owner.auth())
                        .json()
                        .get("impulse")
                        .get("version")
                        .asInt())
                .isEqualTo(1);
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
