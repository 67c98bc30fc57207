package dev.edgeforge.api.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.HeadlessChromium;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real headless Chromium: an owner invites a newcomer from the members page and copies the link; the newcomer
 * opens it in their own browser, creates the account (registration is closed) and lands in the project; the owner
 * requires signed data on the dashboard and reads all of it in the audit log, which the newcomer (a member) does not
 * see.
 */
@IntegrationTest
class InviteAndAuditBrowserIT {

    @LocalServerPort
    int port;

    @TempDir
    Path ownerProfile;

    @TempDir
    Path newcomerProfile;

    ChromeDriver owner;
    ChromeDriver newcomer;

    @BeforeEach
    void startOwnerBrowser() {
        owner = HeadlessChromium.start(ownerProfile, 1366, 900);
    }

    @AfterEach
    void stopBrowsers() {
        for (ChromeDriver browser : new ChromeDriver[] {owner, newcomer}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait waitIn(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private static void type(ChromeDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void signIn(ChromeDriver browser, String email, String password) {
        browser.get(url("/login"));
        type(browser, "email", email);
        type(browser, "password", password);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        waitIn(browser).until(ExpectedConditions.urlMatches(".*/projects$"));
    }

    @Test
    void inviteANewcomerRequireSignedDataAndReadTheAuditLog() {
        ApiClient api = ApiClient.stateless(port);
        TestUsers.User user = TestUsers.register(api, "browser-owner");
        UUID projectId = TestUsers.createProject(api, user, "Invited in the browser");
        String email = "browser-newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@it.edgeforge.test";
        signIn(owner, user.email(), user.password());

        // the owner invites from the members page and copies the link
        owner.get(url("/projects/" + projectId));
        owner.findElement(By.cssSelector(".sidebar a[data-nav=members]")).click();
        waitIn(owner).until(ExpectedConditions.visibilityOfElementLocated(By.id("invite-form")));
        type(owner, "invite-email", email);
        new Select(owner.findElement(By.id("invite-role"))).selectByValue("member");
        owner.findElement(By.cssSelector("#invite-form button[type=submit]")).click();
        String link = waitIn(owner)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("new-invite-link")))
                .getText()
                .trim();
        assertThat(link).startsWith(url("/invites/efi_"));
        assertThat(owner.findElement(By.id("invite-table")).getText())
                .contains(email)
                .contains("member");
        owner.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of("origin", url(""), "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        owner.findElement(By.id("copy-invite-link")).click();
        waitIn(owner).until(ExpectedConditions.textToBe(By.id("copy-invite-link"), "Copied"));
        Object copied =
                owner.executeAsyncScript("navigator.clipboard.readText().then(arguments[arguments.length - 1])");
        assertThat(copied).isEqualTo(link);

        // the newcomer opens the link in their own browser and creates the account
        newcomer = HeadlessChromium.start(newcomerProfile, 1366, 900);
        newcomer.get(link);
        waitIn(newcomer).until(ExpectedConditions.visibilityOfElementLocated(By.id("invite-register-form")));
        assertThat(newcomer.findElement(By.id("invite-project")).getText()).isEqualTo("Invited in the browser");
        assertThat(newcomer.findElement(By.id("invite-email")).getText()).isEqualTo(email);
        type(newcomer, "invite-name", "Newcomer");
        type(newcomer, "invite-password", "newcomer-password");
        type(newcomer, "invite-repeat", "newcomer-password");
        newcomer.findElement(By.cssSelector("#invite-register-form button[type=submit]"))
                .click();
        waitIn(newcomer).until(ExpectedConditions.urlContains("/login?invited"));
        assertThat(newcomer.findElement(By.cssSelector(".alert-success")).getText())
                .contains("joined the project");
        signIn(newcomer, email, "newcomer-password");
        assertThat(newcomer.findElement(By.cssSelector(".content")).getText()).contains("Invited in the browser");
        // the link worked once
        newcomer.get(link);
        assertThat(newcomer.getPageSource()).contains("unknown, was already used");

        // the owner requires signed data on the dashboard
        owner.get(url("/projects/" + projectId));
        WebElement requireSigned = owner.findElement(By.id("settings-require-signed"));
        assertThat(requireSigned.isSelected()).isFalse();
        requireSigned.click();
        requireSigned.submit();
        waitIn(owner)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".alert-success"), "Project saved"));
        assertThat(owner.findElement(By.id("settings-require-signed")).isSelected())
                .isTrue();

        // and reads it all in the audit log
        owner.findElement(By.cssSelector(".sidebar a[data-nav=audit]")).click();
        waitIn(owner).until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-table")));
        String log = owner.findElement(By.id("audit-table")).getText();
        assertThat(log)
                .contains("Settings changed: require signed data on")
                .contains(email + " joined as member through an invite")
                .contains("Invite for " + email + " as member created")
                .contains(user.email());
        assertThat(owner.findElements(By.cssSelector("#audit-table tr[data-action]"))
                        .get(0)
                        .getAttribute("data-action"))
                .isEqualTo("project.settings-changed");

        // a member sees no audit log in the sidebar, and is refused the page
        newcomer.get(url("/projects/" + projectId));
        assertThat(newcomer.findElements(By.cssSelector(".sidebar a[data-nav=members]")))
                .hasSize(1);
        assertThat(newcomer.findElements(By.cssSelector(".sidebar a[data-nav=audit]")))
                .isEmpty();
        newcomer.get(url("/projects/" + projectId + "/audit"));
        assertThat(newcomer.getPageSource()).contains("403");
    }
}
