package dev.edgeforge.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ChromiumPages;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The UI shell in a real headless Chromium: register, sign in, create a project, create an API key (shown once,
 * listed afterwards without the secret), and sign out. Needs Debian's {@code chromium} and {@code chromium-driver};
 * fails (never skips) when they are missing.
 */
@IntegrationTest
class UiShellBrowserIT extends ChromiumPages {

    private static final Path SCREENSHOT = Path.of("/tmp/ef-dashboard.png");

    UiShellBrowserIT() {
        super(1366, 900, Duration.ofSeconds(20));
    }

    @Test
    void registerSignInCreateAProjectAndAnApiKey() throws IOException {
        String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@it.edgeforge.test";
        String password = "browser-password-1";

        // register (closed by default: an administrator opens it for this test)
        try (TestUsers.OpenRegistration open = TestUsers.openRegistration(ApiClient.stateless(port))) {
            browser.get(url("/register"));
            type("name", "Ada Lovelace");
            type("email", email);
            type("password", password);
            browser.findElement(By.cssSelector("#register-form button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.urlContains("/login?registered"));
        }
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                .contains("account is ready");

        // sign in
        type("email", email);
        type("password", password);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/projects$"));
        assertThat(browser.getPageSource()).contains("No projects yet");
        assertThat(browser.findElement(By.cssSelector(".user-menu summary")).getText())
                .contains("Ada Lovelace");

        // create a project: lands on its dashboard
        type("project-name", "Gesture recognition");
        type("project-description", "Wrist accelerometer, four gestures.");
        browser.findElement(By.cssSelector("#create-project button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.textToBe(By.id("project-title"), "Gesture recognition"));
        String dashboardUrl = browser.getCurrentUrl();
        String projectId = dashboardUrl.substring(dashboardUrl.lastIndexOf('/') + 1);
        assertThat(UUID.fromString(projectId)).isNotNull();
        assertThat(browser.findElement(By.id("your-role")).getText()).contains("owner");
        assertThat(browser.findElement(By.id("count-members")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector(".sidebar a.active")).getText())
                .isEqualTo("Dashboard");
        assertThat(browser.findElements(By.cssSelector(".sidebar a")).stream().map(WebElement::getText))
                .contains("Data acquisition", "Impulse design", "Training", "Models", "Deployment");
        screenshot(SCREENSHOT);

        // create an API key through the page's fetch() call (session + CSRF token)
        browser.findElement(By.cssSelector(".sidebar a[data-nav=keys]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-api-key")));
        type("api-key-name", "field sensor 12");
        browser.findElement(By.cssSelector("#create-api-key input[value=read]")).click();
        browser.findElement(By.cssSelector("#create-api-key button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key")));
        String key = browser.findElement(By.id("new-key-value")).getText().trim();
        assertThat(key).startsWith("ef_").hasSizeGreaterThan(40);
        assertThat(browser.findElement(By.id("api-key-rows")).getText()).contains("field sensor 12");

        // the key works for devices and scripts
        ApiClient.Response asKey =
                ApiClient.stateless(port).get("/api/v1/projects/" + projectId, ApiClient.Auth.apiKey(key));
        assertThat(asKey.status()).isEqualTo(200);
        assertThat(asKey.text("name")).isEqualTo("Gesture recognition");

        // shown once: after a reload the key is listed, its secret is gone
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key-table")));
        assertThat(browser.findElement(By.id("api-key-rows")).getText())
                .contains("field sensor 12")
                .contains(key.substring(0, 9))
                .contains("ingest")
                .contains("read");
        assertThat(browser.findElement(By.id("new-key")).isDisplayed()).isFalse();
        assertThat(browser.getPageSource()).doesNotContain(key);

        // sign out
        browser.findElement(By.cssSelector(".user-menu summary")).click();
        browser.findElement(By.cssSelector("[data-testid=logout]")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        browser.get(url("/projects"));
        wait.until(ExpectedConditions.urlContains("/login"));
    }
}
