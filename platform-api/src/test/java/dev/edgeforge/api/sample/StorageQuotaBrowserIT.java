package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ChromiumPages;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Storage quotas in a real headless Chromium: the administrator sets one project's quota and clears another's on
 * the administration page; the owner sees usage against the quota on the data page, and an upload past it fails in
 * the upload queue with the server's message. Screenshots go to {@code /tmp/ef-quota-*.png}.
 */
@IntegrationTest
class StorageQuotaBrowserIT extends ChromiumPages {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path temp;

    StorageQuotaBrowserIT() {
        super(1366, 1000, Duration.ofSeconds(30));
    }

    /** Signs in afresh: the second sign-in of the test must not find the first one's session. */
    @Override
    protected void signIn(String email, String password) {
        browser.manage().deleteAllCookies();
        super.signIn(email, password);
    }

    private void screenshot(String name) throws IOException {
        screenshot(Path.of("/tmp/ef-quota-" + name + ".png"));
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
