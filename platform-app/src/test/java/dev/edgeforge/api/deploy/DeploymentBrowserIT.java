package dev.edgeforge.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import dev.edgeforge.app.testing.ChromiumPages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The Deployment page in a real headless Chromium: estimates per target before building, Build, the live log, the
 * verified badge once QEMU answered like the server on every test window, the memory report and the download link.
 * Screenshots go to {@code /tmp/ef-deployment-*.png}. Fails (never skips) without Debian's chromium and
 * chromium-driver.
 */
@IntegrationTest
// a first sample of 10 of the 24 test windows: the verification runs in two parts the page shows as they end
@TestPropertySource(properties = "edgeforge.firmware.verification-sample=10")
class DeploymentBrowserIT extends ChromiumPages {

    @Autowired
    StoredModels models;

    DeploymentBrowserIT() {
        super(1366, 1000, Duration.ofSeconds(20));
    }

    @Test
    void pickAModelAndTargetBuildAndSeeTheVerifiedBadgeAndTheDownload() throws Exception {
        ApiClient client = ApiClient.stateless(port);
        User user = TestUsers.register(client, "browser-deployer");
        UUID projectId = TestUsers.createProject(client, user, "Wrist gestures");
        models.registerTinyClassifier(projectId, "gesture classifier");

        signIn(user);

        browser.get(url("/projects/" + projectId + "/deployment"));
        assertThat(browser.findElement(By.cssSelector(".sidebar a.active")).getText())
                .isEqualTo("Deployment");
        assertThat(browser.findElement(By.id("deploy-model")).getText()).contains("gesture classifier");
        // estimates for every target before anything is built
        By qemuEstimate = By.cssSelector("[data-estimate-for=netduinoplus2-qemu]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(qemuEstimate, "Latency"));
        assertThat(browser.findElement(qemuEstimate).getText())
                .contains("RAM")
                .contains("of 128.0 KiB")
                .contains("Flash")
                .contains("ms");
        assertThat(browser.findElements(By.cssSelector(".target-card"))).hasSize(5);
        assertThat(browser.findElement(By.id("model-stats")).getText())
                .contains("Parameters")
                .contains("27");
        screenshot("/tmp/ef-deployment-estimates.png");

        browser.findElement(By.cssSelector(".target-card[data-target=netduinoplus2-qemu]"))
                .click();
        assertThat(browser.findElement(By.cssSelector(".target-card.selected")).getAttribute("data-target"))
                .isEqualTo("netduinoplus2-qemu");
        assertThat(browser.findElement(By.cssSelector("input[name=format][value=firmware]"))
                        .isSelected())
                .isTrue();
        assertThat(browser.findElement(By.cssSelector("input[name=format][value=tflm]"))
                        .isEnabled())
                .isTrue();
        // every text the verification line shows while the job runs
        browser.executeScript("window.seenVerifying = [];"
                + "new MutationObserver(() => window.seenVerifying.push("
                + "document.getElementById('run-verifying').textContent))"
                + ".observe(document.getElementById('run-verifying'), {childList: true, characterData: true,"
                + " subtree: true});");
        browser.findElement(By.id("deploy-build")).click();

        // the live log streams while the job runs, then the result replaces the progress
        WebDriverWait build = new WebDriverWait(browser, Duration.ofMinutes(4));
        build.until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-log"), "Building with"));
        build.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verified-badge"), "Verified on device"));
        WebElement download = browser.findElement(By.id("download-link"));
        assertThat(download.isDisplayed()).isTrue();
        assertThat(download.getText()).contains("gesture-classifier-firmware-netduinoplus2-qemu.zip");
        assertThat(download.getAttribute("href")).endsWith("/download");
        assertThat(browser.findElement(By.id("run-log")).getText()).contains("VERIFIED: all 24 outputs");
        // the windows verified so far, the stored sample, then the whole test set, as the job went
        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) browser.executeScript("return window.seenVerifying;");
        assertThat(seen)
                .containsSubsequence(
                        "Verified on the device so far: 10 of 24 windows",
                        "Verified on the device so far: 10 of 24 windows · first sample (10 windows): verified,"
                                + " verifying the rest",
                        "Verified on the device: 24 of 24 windows · first sample (10 windows): verified");
        assertThat(browser.findElement(By.id("run-verifying")).getText())
                .isEqualTo("Verified on the device: 24 of 24 windows · first sample (10 windows): verified");
        assertThat(browser.findElement(By.id("run-state")).getText()).isEqualTo("ready");
        String verification = browser.findElement(By.id("verification-details")).getText();
        assertThat(verification)
                .contains("24 of 24")
                .contains("Top-1 accuracy on device")
                .contains("Top-1 accuracy on the server")
                .contains("Instructions per inference")
                // a model without an impulse: the server's features, said as such, and the stack the image measured
                .contains("Path")
                .contains("the server's int8 features through the network")
                .doesNotContain("DSP block\n")
                .containsPattern("Stack \\(deepest, measured\\)\\s+\\d+(\\.\\d)? (B|KiB)");
        // the seed's checklist: measured flash and latency, the peak RAM measured in QEMU, verified
        assertThat(browser.findElement(By.id("checklist-box")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#checklist-rows tr")).stream()
                        .map(row -> row.getAttribute("data-item"))
                        .toList())
                .containsExactly("flash", "latency", "peak-ram", "verified");
        assertThat(browser.findElement(By.cssSelector("#checklist-rows tr[data-item=peak-ram]"))
                        .getText())
                .startsWith("Peak RAM measured PASS")
                .containsPattern("\\(\\d{1,3}(,\\d{3})* bytes\\) .* measured")
                .contains("stack painting");
        assertThat(browser.findElement(By.cssSelector("#checklist-rows tr[data-item=verified]"))
                        .getText())
                .contains("PASS")
                .contains("every output equals the reference bit for bit, 24 windows");
        assertThat(browser.findElement(By.cssSelector("#checklist-rows tr[data-item=flash]"))
                        .getText())
                .contains("256.0 KiB (262,144 bytes)")
                .contains("measured");
        assertThat(browser.findElement(By.cssSelector("#checklist-rows tr[data-item=latency]"))
                        .getText())
                .containsPattern("\\d+\\.\\d\\d ms")
                .contains("100.00 ms");
        assertThat(browser.findElement(By.id("memory-details")).getText())
                .contains("Activation arena")
                .contains("lower bound");
        assertThat(browser.findElements(By.cssSelector("#section-rows tr"))).isNotEmpty();
        List<Long> fileSizes = browser.findElements(By.cssSelector("#file-rows td.num")).stream()
                .map(cell -> Long.parseLong(cell.getText().replace(",", "")))
                .toList();
        assertThat(fileSizes).isNotEmpty().isSortedAccordingTo(Comparator.reverseOrder());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deployment-rows"), "verified"));
        screenshot("/tmp/ef-deployment-verified.png");
        browser.executeScript("document.getElementById('run-result').scrollIntoView()");
        screenshot("/tmp/ef-deployment-result.png");

        // the link serves the ZIP to the signed-in user (here: the same user's token)
        HttpResponse<byte[]> zip = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(download.getAttribute("href")))
                                .header("Authorization", "Bearer " + user.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.body()).startsWith('P', 'K');
        assertThat(readme(zip.body()))
                .contains("## Checklist")
                .containsPattern("\\| Peak RAM measured \\| PASS \\| \\d{1,3}(,\\d{3})* bytes \\|")
                .contains("| Verified on the (emulated) device | PASS |");
    }

    /** The bundle's top README.md. */
    private static String readme(byte[] zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().endsWith("/README.md")
                        && entry.getName().indexOf('/') == entry.getName().length() - 10) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("the bundle has no README.md");
    }

    @Test
    void aBuildThatDoesNotFitIsRefusedWithTheFiguresAndCanBeForcedWithAWarning() throws Exception {
        ApiClient client = ApiClient.stateless(port);
        User user = TestUsers.register(client, "browser-over-budget");
        UUID projectId = TestUsers.createProject(client, user, "Pump");
        models.registerClassifierWithAWindowTooBigForTheEmulatedBoard(projectId, "pump classifier");

        browser.get(url("/login"));
        type("email", user.email());
        type("password", user.password());
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/projects$"));
        browser.get(url("/projects/" + projectId + "/deployment"));
        By qemuEstimate = By.cssSelector("[data-estimate-for=netduinoplus2-qemu]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(qemuEstimate, "does not fit"));
        browser.findElement(By.cssSelector(".target-card[data-target=netduinoplus2-qemu]"))
                .click();
        browser.findElement(By.id("deploy-build")).click();

        // refused before anything is built: the figures per buffer, and the override
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("deploy-over-budget")));
        assertThat(browser.findElement(By.id("over-budget-detail")).getText())
                .contains("does not fit the Netduino Plus 2 (QEMU)")
                .contains("131,072 B available")
                .contains("raw window buffer 128,000 B");
        assertThat(browser.findElement(By.cssSelector("#over-budget-rows tr[data-memory=ram]"))
                        .getText())
                .contains("does not fit");
        assertThat(browser.findElement(By.id("over-budget-rows")).getText())
                .contains("raw window buffer")
                .contains("128,000");
        assertThat(browser.findElement(By.id("deploy-run")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#deployment-rows tr[data-deployment-id]")))
                .isEmpty();
        screenshot("/tmp/ef-deployment-refused.png");

        browser.findElement(By.id("deploy-build-anyway")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("run-warning")));
        assertThat(browser.findElement(By.id("run-warning")).getText())
                .startsWith("Built although the estimate does not fit the Netduino Plus 2 (QEMU):")
                .contains("Expect the build to fail at the linker");
        assertThat(browser.findElement(By.id("deploy-over-budget")).isDisplayed())
                .isFalse();
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#deployment-rows tr[data-deployment-id]")));
        screenshot("/tmp/ef-deployment-over-budget.png");
        browser.findElement(By.id("run-cancel")).click();
    }

    private void screenshot(String path) throws IOException {
        screenshot(Path.of(path));
    }
}
