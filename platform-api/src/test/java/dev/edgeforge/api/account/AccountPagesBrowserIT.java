package dev.edgeforge.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.ChromiumPages;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The account and administration pages in a real headless Chromium: tokens listed with their kind and expiry, a
 * personal token with a chosen lifetime, revoking a sign-in, changing the password; the administrator opening and
 * closing registration and creating an account.
 */
@IntegrationTest
class AccountPagesBrowserIT extends ChromiumPages {

    ApiClient api;

    AccountPagesBrowserIT() {
        super(1366, 900, Duration.ofSeconds(20));
    }

    @BeforeEach
    void client() {
        api = ApiClient.stateless(port);
    }

    private void openUserMenu(String link) {
        browser.findElement(By.cssSelector(".user-menu summary")).click();
        browser.findElement(By.linkText(link)).click();
    }

    /** Waits for the message shown after a form's redirect, which must contain {@code expected}. */
    private void assertFlash(String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".alert-success, .alert-error"), expected));
    }

    @Test
    void tokensAreListedRevokedAndThePasswordChanged() {
        TestUsers.User user = TestUsers.register(api, "browser-account");
        signIn(user.email(), user.password());

        openUserMenu("Tokens and sign-ins");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-table")));
        WebElement signInRow = browser.findElement(By.cssSelector("#token-table tbody tr"));
        assertThat(signInRow.getText()).contains("API sign-in from").contains("sign-in");

        type("token-name", "laptop CLI");
        new Select(browser.findElement(By.id("token-lifetime"))).selectByValue("30");
        browser.findElement(By.cssSelector("#create-token button[type=submit]")).click();
        String secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token-value")))
                .getText()
                .trim();
        assertThat(secret).startsWith("efp_");
        assertThat(browser.findElement(By.id("new-token")).getText()).contains("It expires on");
        assertThat(browser.findElement(By.id("token-table")).getText())
                .contains("laptop CLI")
                .contains("personal");
        assertThat(api.get("/api/v1/auth/me", Auth.bearer(secret)).status()).isEqualTo(200);

        // revoke the sign-in the test made over the API: its token stops working
        signInRow = browser.findElement(By.xpath("//table[@id='token-table']//tr[contains(., 'API sign-in')]"));
        signInRow.findElement(By.cssSelector("button.btn-danger")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        assertFlash("Token revoked");
        assertThat(browser.findElement(By.id("token-table")).getText()).doesNotContain("API sign-in");
        assertThat(api.get("/api/v1/auth/me", user.auth()).status()).isEqualTo(401);

        // change the password: a wrong current one first
        String otherSignIn = TestUsers.login(api, user.email(), user.password());
        openUserMenu("Your account");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-form")));
        type("current-password", "not-my-password");
        type("new-password", "browser-new-password");
        type("repeat-password", "browser-new-password");
        browser.findElement(By.cssSelector("#password-form button[type=submit]"))
                .click();
        assertFlash("The current password is wrong");

        type("current-password", user.password());
        type("new-password", "browser-new-password");
        type("repeat-password", "browser-new-password");
        browser.findElement(By.cssSelector("#password-form button[type=submit]"))
                .click();
        assertFlash("Password changed");
        assertFlash("1 other sign-in was signed out");

        // this browser stays signed in; the other sign-in and the old password no longer work
        browser.get(url("/projects"));
        assertThat(browser.getCurrentUrl()).endsWith("/projects");
        assertThat(api.get("/api/v1/auth/me", Auth.bearer(otherSignIn)).status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", Auth.bearer(secret)).status())
                .as("personal token")
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/auth/login",
                                Map.of("email", user.email(), "password", user.password()),
                                Auth.none())
                        .status())
                .isEqualTo(401);
        assertThat(TestUsers.login(api, user.email(), "browser-new-password")).isNotBlank();
    }

    @Test
    void theAdministratorOpensRegistrationAndCreatesAnAccount() {
        signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
        openUserMenu("Administration");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registration-form")));
        assertThat(browser.findElement(By.id("registration-state")).getText()).contains("closed");

        try {
            browser.findElement(By.cssSelector("#registration-form button[type=submit]"))
                    .click();
            assertFlash("Registration is open");
            assertThat(browser.findElement(By.id("registration-state")).getText())
                    .contains("open");
        } finally {
            browser.findElement(By.cssSelector("#registration-form button[type=submit]"))
                    .click();
        }
        assertFlash("Registration is closed");
        assertThat(browser.findElement(By.id("registration-state")).getText()).contains("closed");

        String email = "created-in-browser-" + System.nanoTime() + "@it.edgeforge.test";
        type("account-email", email);
        type("account-name", "Grace Hopper");
        type("account-password", "given-by-admin-1");
        browser.findElement(By.cssSelector("#create-account button[type=submit]"))
                .click();
        assertFlash("Account " + email + " created");
        assertThat(browser.findElement(By.id("account-table")).getText())
                .contains(email)
                .contains("Grace Hopper");
        assertThat(TestUsers.login(api, email, "given-by-admin-1")).isNotBlank();
    }
}
