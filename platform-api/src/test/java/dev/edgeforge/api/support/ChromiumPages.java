package dev.edgeforge.api.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser tests share, the server's and the all-in-one assembly's: a headless Chromium per test (fails,
 * never skips, without Debian's chromium and chromium-driver), the server's URLs, typing into a field, signing in on
 * the login page and screenshots.
 */
public abstract class ChromiumPages {

    private final int width;
    private final int height;
    private final Duration patience;

    @LocalServerPort
    protected int port;

    @TempDir
    protected Path browserProfile;

    protected ChromeDriver browser;
    protected WebDriverWait wait;

    /**
     * @param width    window width in pixels
     * @param height   window height in pixels
     * @param patience how long {@link #wait} waits for a condition
     */
    protected ChromiumPages(int width, int height, Duration patience) {
        this.width = width;
        this.height = height;
        this.patience = patience;
    }

    @BeforeEach
    protected void startBrowser() {
        browser = HeadlessChromium.start(browserProfile, width, height);
        wait = new WebDriverWait(browser, patience);
    }

    @AfterEach
    protected void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The server's URL of {@code path}. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Replaces the text of the field with id {@code id}. */
    protected void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Signs in on the login page and waits for the projects list. */
    protected void signIn(TestUsers.User user) {
        signIn(user.email(), user.password());
    }

    /** Signs in on the login page and waits for the projects list. */
    protected void signIn(String email, String password) {
        browser.get(url("/login"));
        type("email", email);
        type("password", password);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/projects$"));
    }

    /** Saves what the browser shows to {@code file}. */
    protected void screenshot(Path file) throws IOException {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }
}
