package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.HeadlessChromium;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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

/**
 * Storage quotas in a real headless Chromium: the administrator sets one project's quota and clears another's on
 * the administration page; the owner sees usage against the quota on the data page, and an upload past it fails in
 * the upload queue with the server's message. Screenshots go to {@code /tmp/ef-quota-*.png}.
 */
@IntegrationTest
class StorageQuotaBrowserIT {

    private static final long MB = 1024 * 1024;

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

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(String email, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/projects$"));
    }

    private void screenshot(String name) throws IOException {
        Files.copy(
                browser.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("/tmp/ef-quota-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private WebElement quotaRow(TestProject project) {
        By row = By.cssSelector("#quota-rows tr[data-project-id='" + project.id + "']");
        return wait.until(ExpectedConditions.presenceOfElementLocated(row));
    }

    @Test
    void theAdministratorSetsAQuotaAndTheOwnerMeetsIt() throws IOException {
        TestProject project = TestProject.create(port, "Quota in the browser");
        byte[] first = SampleFiles.eiJson(1, 100);
        project.uploadOne("", "idle.1.json", first);
        TestProject other = TestProject.create(port, "Quota to clear");
        ApiClient.Auth admin = ApiClient.Auth.bearer(
                TestUsers.login(project.client, IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD));
        Map<String, Object> body = new HashMap<>();
        body.put("quotaBytes", 5 * MB);
        assertThat(project.client
                        .put("/api/v1/admin/projects/" + other.id + "/quota", body, admin)
                        .status())
                .isEqualTo(200);

        signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
        browser.get(url("/admin/settings"));
        WebElement row = quotaRow(project);
        assertThat(row.getText()).contains("Quota in the browser").contains(kilobytes(first.length));
        WebElement input = row.findElement(By.cssSelector("input.quota-input"));
        assertThat(input.getAttribute("value")).isEmpty();
        input.sendKeys("0.01");
        row.findElement(By.cssSelector("button.quota-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(
                row.findElement(By.cssSelector(".quota-status")), "saved: 10.2 KiB"));
        long quota = Math.round(0.01 * MB);
        assertThat(project.client
                        .get(project.base + "/storage", project.auth())
                        .json()
                        .get("quotaBytes")
                        .asLong())
                .isEqualTo(quota);

        WebElement otherRow = quotaRow(other);
        WebElement otherInput = otherRow.findElement(By.cssSelector("input.quota-input"));
        assertThat(otherInput.getAttribute("value")).isEqualTo("5");
        otherInput.clear();
        otherRow.findElement(By.cssSelector("button.quota-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(
                otherRow.findElement(By.cssSelector(".quota-status")), "saved: no quota"));
        assertThat(other.client
                        .get(other.base + "/storage", other.auth())
                        .json()
                        .get("quotaBytes")
                        .isNull())
                .isTrue();

        otherInput.sendKeys("-3");
        otherRow.findElement(By.cssSelector("button.quota-save")).click();
        assertThat(otherRow.findElement(By.cssSelector(".quota-status")).getText())
                .contains("Enter a number of MB");
        screenshot("admin");

        // the owner: usage against the quota, and an upload past it refused with the server's message
        signIn(project.owner.email(), project.owner.password());
        browser.get(url("/projects/" + project.id + "/data"));
        wait.until(ExpectedConditions.textToBe(By.id("stat-storage-label"), "Storage used of 10.2 KiB quota"));
        assertThat(browser.findElement(By.id("stat-storage")).getText()).isEqualTo(kilobytes(first.length));
        assertThat(browser.findElement(By.id("storage-meter")).isDisplayed()).isTrue();

        byte[] large = SampleFiles.eiJson(2, 1000);
        assertThat((long) first.length + large.length).isGreaterThan(quota);
        Path file = temp.resolve("wave.1.json");
        Files.write(file, large);
        browser.findElement(By.id("upload-input")).sendKeys(file.toString());
        wait.until(
                d -> d.findElements(By.cssSelector("#upload-queue li.failed")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#upload-queue li.failed"))
                        .getText())
                .contains("Project storage quota of 10.2 KB")
                .contains("(HTTP 413)");
        screenshot("owner");
        assertThat(project.listAll("")).hasSize(1);
    }

    /** Bytes as the pages show them (ui.js formatBytes) below 1 MiB: KiB with one decimal. */
    private static String kilobytes(long bytes) {
        return bytes < 1024 ? bytes + " B" : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
