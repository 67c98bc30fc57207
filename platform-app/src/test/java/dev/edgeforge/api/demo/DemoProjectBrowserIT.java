package dev.edgeforge.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.app.testing.ChromiumPages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #17's first five minutes, in a real headless Chromium against the whole platform (in-process workers, the
 * real compiler and emulator): a newcomer signs in, clicks "Create demo project" on the projects page, generates the
 * features on Impulse design, starts training with the settings the page offers, builds the firmware for the emulated
 * board on Deployment and waits for "Verified on device". Prints how long that took from the click (the target is
 * under 3 minutes on 2 cores; not asserted: speed targets live in benchmarks). Screenshots go to
 * {@code /tmp/ef-demo-*.png}.
 */
@IntegrationTest
class DemoProjectBrowserIT extends ChromiumPages {

    /** Patience for each job on a loaded machine; the whole path normally takes a fraction of it. */
    private static final Duration JOB_LIMIT = Duration.ofMinutes(8);

    DemoProjectBrowserIT() {
        super(1366, 1000, Duration.ofSeconds(60));
    }

    @Test
    void fromTheDemoToAVerifiedFirmwareInTheBrowser() throws IOException {
        ApiClient client = ApiClient.stateless(port);
        TestUsers.User user = TestUsers.register(client, "newcomer");
        signIn(user);
        WebDriverWait job = new WebDriverWait(browser, JOB_LIMIT);

        long start = System.nanoTime();
        browser.findElement(By.id("create-demo-button")).click();
        wait.until(ExpectedConditions.urlMatches(".*/projects/[0-9a-f-]+/impulse$"));
        long created = System.nanoTime();
        String project = browser.getCurrentUrl().replaceFirst("/impulse$", "");
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                .contains("Demo project created with 96 recordings");

        WebElement generate = wait.until(ExpectedConditions.elementToBeClickable(By.id("generate-features")));
        screenshot("impulse");
        generate.click();
        job.until(ExpectedConditions.textMatches(
                By.id("feature-status"),
                Pattern.compile("Version 1: \\d+ windows of 33 features from 96 samples|failed")));
        assertThat(browser.findElement(By.id("feature-status")).getText()).startsWith("Version 1:");
        long features = System.nanoTime();

        // as the sidebar's Training link goes (the page has scrolled to the features card, under the header)
        browser.get(project + "/training");
        WebElement train = wait.until(ExpectedConditions.elementToBeClickable(By.id("start-training")));
        assertThat(browser.findElement(By.id("hp-epochs")).getDomProperty("value"))
                .as("the demo's training settings")
                .isEqualTo(String.valueOf(DemoImpulse.EPOCHS));
        train.click();
        job.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=training-done], [data-testid=training-error]")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=training-error]")))
                .isEmpty();
        screenshot("training");
        long trained = System.nanoTime();

        browser.get(project + "/deployment");
        By qemu = By.cssSelector(".target-card[data-target=netduinoplus2-qemu]");
        wait.until(ExpectedConditions.elementToBeClickable(qemu)).click();
        browser.findElement(By.id("deploy-build")).click();
        job.until(ExpectedConditions.or(
                ExpectedConditions.textToBePresentInElementLocated(By.id("verified-badge"), "Verified on device"),
                ExpectedConditions.textToBePresentInElementLocated(By.id("run-state"), "failed")));
        screenshot("deployment");
        assertThat(browser.findElement(By.id("verified-badge")).getText()).isEqualTo("Verified on device");
        long verified = System.nanoTime();

        System.out.printf(
                Locale.ROOT,
                "DEMO PATH: %.1f s from \"Create demo project\" to \"Verified on device\" (create %.1f s, features"
                        + " %.1f s, training %.1f s, deployment %.1f s)%n",
                seconds(verified - start),
                seconds(created - start),
                seconds(features - created),
                seconds(trained - features),
                seconds(verified - trained));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private void screenshot(String name) throws IOException {
        screenshot(Path.of("/tmp/ef-demo-" + name + ".png"));
    }
}
