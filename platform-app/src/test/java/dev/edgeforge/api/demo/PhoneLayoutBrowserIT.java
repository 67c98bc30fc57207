package dev.edgeforge.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.app.testing.ChromiumPages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17: no page is wider than a 390 px phone. In a real headless Chromium with a 390x844 window, a newcomer makes
 * the demo project, generates its features, trains it, compresses the model (over REST) and builds a firmware; then
 * every page the project's menu lists, and the pages below them (a sample, the dataset versions, a model, its
 * compression report), plus the projects list and the account pages, is visited and none may scroll sideways: the
 * document's scroll width is at most the window's. The side navigation is folded away behind a menu button that opens
 * it. A failure names each page that overflows, by how much, and the elements that stick out; each page's screenshot
 * goes to {@code /tmp/ef-phone-*.png}.
 */
@IntegrationTest
class PhoneLayoutBrowserIT extends ChromiumPages {

    private static final int WIDTH = 390;
    private static final Duration JOB_LIMIT = Duration.ofMinutes(8);

    /** The outermost elements whose right edge is past the window's, for the failure message. */
    private static final String STICKING_OUT = """
            const width = document.documentElement.clientWidth;
            const out = [];
            for (const e of document.body.querySelectorAll('*')) {
              const right = e.getBoundingClientRect().right;
              const parent = e.parentElement;
              if (right > width + 0.5 && parent && parent.getBoundingClientRect().right <= width + 0.5) {
                const classes = typeof e.className === 'string' && e.className.trim()
                    ? '.' + e.className.trim().split(/\\s+/).join('.') : '';
                out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + classes
                    + ' to ' + Math.round(right) + ' px');
              }
            }
            return out.slice(0, 8).join(', ');
            """;

    PhoneLayoutBrowserIT() {
        super(WIDTH, 844, Duration.ofSeconds(60));
    }

    /** Headless Chromium keeps windows at least 500 px wide, so the phone's viewport is set as its DevTools does. */
    @BeforeEach
    void phoneViewport() {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", 844, "deviceScaleFactor", 1, "mobile", false));
    }

    @Test
    void noPageIsWiderThanAPhone() throws Exception {
        ApiClient client = ApiClient.stateless(port);
        TestUsers.User user = TestUsers.register(client, "phone-user");
        signIn(user);
        assertThat(browser.executeScript("return window.innerWidth"))
                .as("the viewport is a phone's")
                .isEqualTo((long) WIDTH);
        WebDriverWait job = new WebDriverWait(browser, JOB_LIMIT);

        browser.findElement(By.id("create-demo-button")).click();
        wait.until(ExpectedConditions.urlMatches(".*/projects/[0-9a-f-]+/impulse$"));
        String project = browser.getCurrentUrl().replaceFirst("/impulse$", "");
        String projectPath = project.substring(url("").length());
        String projectId = projectPath.substring("/projects/".length());

        // the sidebar is folded away; the menu button opens and closes it
        WebElement menu = browser.findElement(By.id("nav-toggle"));
        WebElement sidebar = browser.findElement(By.id("project-sidebar"));
        assertThat(menu.isDisplayed()).isTrue();
        assertThat(menu.getTagName()).isEqualTo("button");
        assertThat(menu.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(sidebar.isDisplayed()).as("the sidebar starts folded").isFalse();
        menu.click();
        assertThat(menu.getDomAttribute("aria-expanded")).isEqualTo("true");
        assertThat(sidebar.isDisplayed())
                .as("the menu button opens the sidebar")
                .isTrue();
        WebElement training = browser.findElement(By.cssSelector("#project-sidebar a[data-nav=training]"));
        assertThat(training.isDisplayed()).isTrue();
        Set<String> pages = new LinkedHashSet<>();
        pages.add("/projects");
        for (WebElement link : browser.findElements(By.cssSelector("#project-sidebar nav a[href]"))) {
            pages.add(link.getDomAttribute("href"));
        }
        assertThat(pages).as("the menu lists the project's pages").hasSizeGreaterThan(8);
        menu.click();
        assertThat(menu.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(sidebar.isDisplayed())
                .as("the menu button closes the sidebar")
                .isFalse();

        WebElement generate = wait.until(ExpectedConditions.elementToBeClickable(By.id("generate-features")));
        generate.click();
        job.until(ExpectedConditions.textMatches(
                By.id("feature-status"), Pattern.compile("Version 1: \\d+ windows|failed")));
        assertThat(browser.findElement(By.id("feature-status")).getText()).startsWith("Version 1:");

        browser.get(project + "/training");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("start-training")))
                .click();
        job.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=training-done], [data-testid=training-error]")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=training-error]")))
                .isEmpty();

        String api = "/api/v1/projects/" + projectId;
        String modelId =
                client.get(api + "/models", user.auth()).json().get(0).get("id").asString();
        ApiClient.Response compress = client.post(
                api + "/jobs/compress",
                Map.of("modelId", modelId, "structuredPruning", Map.of("fraction", 0.5), "fineTuneEpochs", 2),
                user.auth());
        assertThat(compress.status()).as(compress.body()).isEqualTo(202);
        awaitCompression(client, user, api + "/models/" + modelId, compress.text("jobId"));

        browser.get(project + "/deployment");
        By qemu = By.cssSelector(".target-card[data-target=netduinoplus2-qemu]");
        wait.until(ExpectedConditions.elementToBeClickable(qemu)).click();
        browser.findElement(By.id("deploy-build")).click();
        job.until(ExpectedConditions.or(
                ExpectedConditions.textToBePresentInElementLocated(By.id("verified-badge"), "Verified on device"),
                ExpectedConditions.textToBePresentInElementLocated(By.id("run-state"), "failed")));
        assertThat(browser.findElement(By.id("verified-badge")).getText()).isEqualTo("Verified on device");

        String sampleId = client.get(api + "/samples", user.auth())
                .json()
                .at("/items/0/id")
                .asString();
        assertThat(sampleId).as("the demo's first sample").isNotEmpty();
        pages.add(projectPath + "/data/samples/" + sampleId);
        pages.add(projectPath + "/data/dataset");
        pages.add(projectPath + "/models/" + modelId);
        pages.add(projectPath + "/models/" + modelId + "/compression");
        pages.add("/account");
        pages.add("/account/tokens");

        List<String> overflowing = new ArrayList<>();
        for (String page : pages) {
            long scrollWidth = width(page);
            screenshot(Path.of("/tmp/ef-phone"
                    + page.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "x").replaceAll("[^a-z0-9]+", "-") + ".png"));
            if (scrollWidth > WIDTH) {
                overflowing.add(page + " is " + scrollWidth + " px wide (" + browser.executeScript(STICKING_OUT) + ")");
            }
        }
        assertThat(overflowing).as("pages wider than a %d px phone", WIDTH).isEmpty();
    }

    /** Opens {@code page}, lets its scripts fill it and answers the document's scroll width. */
    private long width(String page) throws InterruptedException {
        browser.get(url(page));
        wait.until(d -> "complete".equals(browser.executeScript("return document.readyState")));
        // the pages fetch their tables and charts after the load; give them a moment to land
        Thread.sleep(1500);
        return (Long) browser.executeScript("return document.documentElement.scrollWidth");
    }

    private static void awaitCompression(ApiClient client, TestUsers.User user, String modelBase, String jobId)
            throws InterruptedException {
        JsonNode view = null;
        for (int i = 0; i < 1200; i++) {
            view = client.get(modelBase + "/compression", user.auth()).json();
            if (view.at("/result/jobId").asString().equals(jobId)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the compression " + jobId + " never finished: " + view);
    }
}
