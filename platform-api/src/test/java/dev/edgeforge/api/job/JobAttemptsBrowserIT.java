package dev.edgeforge.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.HeadlessChromium;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.core.format.ei.EiAcquisitionWriter;
import dev.edgeforge.core.format.ei.EiSigning;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import dev.edgeforge.infra.job.JobContext;
import dev.edgeforge.infra.job.JobHandler;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.job.JobState;
import dev.edgeforge.infra.job.JobWorker;
import dev.edgeforge.infra.job.JobWorkerSettings;
import dev.edgeforge.infra.job.NonRetryableJobException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #16: "progress drops back to 0" on a new attempt without a word. In a real headless Chromium, the features
 * job of the impulse page fails its first attempt at 40% and runs again: under the progress bar the page says how
 * attempt 1 ended and that attempt 2 started again from 0%. Screenshot: {@code /tmp/ef-job-attempts.png}.
 */
@IntegrationTest
class JobAttemptsBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JobQueue queue;

    @TempDir
    Path temp;

    ChromeDriver browser;
    JobWorker worker;
    final CountDownLatch release = new CountDownLatch(1);
    volatile UUID projectId;

    @AfterEach
    void stop() {
        release.countDown();
        if (browser != null) {
            browser.quit();
        }
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void theImpulsePageSaysWhyItsFeaturesJobStartedAgain() throws Exception {
        ApiClient client = ApiClient.stateless(port);
        TestUsers.User owner = TestUsers.register(client, "attempts");
        projectId = TestUsers.createProject(client, owner, "Attempts");
        String base = "/api/v1/projects/" + projectId;
        String key = client.post(
                        base + "/api-keys", Map.of("name", "device", "scopes", List.of("ingest")), owner.auth())
                .text("key");
        for (int i = 0; i < 4; i++) {
            float[][] values = new float[3][100]; // per axis
            for (int t = 0; t < 100; t++) {
                values[0][t] = (float) Math.sin(t * 0.1 * (i + 1));
                values[1][t] = i;
                values[2][t] = t % 7;
            }
            byte[] message = EiAcquisitionWriter.writeJson(
                    SampleData.builder()
                            .setSensors(List.of(
                                    new Sensor("accX", "m/s2"), new Sensor("accY", "m/s2"), new Sensor("accZ", "m/s2")))
                            .setIntervalMs(10)
                            .setValues(values)
                            .build(),
                    EiSigning.none());
            ApiClient.Response upload = client.send(
                    "POST",
                    "/api/training/data",
                    new String(message),
                    Auth.apiKey(key),
                    List.of(
                            "Content-Type",
                            "application/json",
                            "x-file-name",
                            "s" + i + ".json",
                            "x-label",
                            i % 2 == 0 ? "idle" : "wave"));
            assertThat(upload.status()).as(upload.body()).isEqualTo(200);
        }
        String impulse = client.get(base + "/impulse", owner.auth())
                .json()
                .path("impulse")
                .toString();
        ApiClient.Response saved = client.send(
                "PUT", base + "/impulse", impulse, owner.auth(), List.of("Content-Type", "application/json"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        worker = new JobWorker(
                dataSource,
                Clock.systemUTC(),
                JobWorkerSettings.builder()
                        .setConcurrency(2)
                        .optWorkerId("worker-27176")
                        .optPollInterval(Duration.ofMillis(100))
                        .optRetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(1))
                        .build(),
                List.of(new CrashingOnceFeatures()));
        worker.start();
        UUID jobId = UUID.fromString(
                client.post(base + "/jobs/features", Map.of(), owner.auth()).text("jobId"));
        awaitSecondAttempt(jobId);

        browser = HeadlessChromium.start(temp.resolve("profile"), 1366, 1000);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("email")).sendKeys(owner.email());
        browser.findElement(By.id("password")).sendKeys(owner.password());
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/projects$"));
        browser.get("http://localhost:" + port + "/projects/" + projectId + "/impulse");

        WebElement note =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=job-attempts]")));
        assertThat(note.getText())
                .isEqualTo("Attempt 1 on worker-27176 failed at 40.0 %: IllegalStateException: the worker's disk "
                        + "filled up. Attempt 2 of 3 on worker-27176 started again from 0%.");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", note);
        Files.copy(
                browser.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("/tmp/ef-job-attempts.png"),
                StandardCopyOption.REPLACE_EXISTING);
        client.post("/api/v1/jobs/" + jobId + "/cancel", Map.of(), owner.auth());
    }

    private void awaitSecondAttempt(UUID jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var job = queue.find(jobId).orElseThrow();
            if (job.state() == JobState.RUNNING && job.attempts() == 2) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the features job never started its second attempt: " + queue.find(jobId));
    }

    /** A features job whose first attempt fails at 40%; the second waits until the test ends. */
    private final class CrashingOnceFeatures implements JobHandler {
        @Override
        public String type() {
            return "features";
        }

        @Override
        public void run(JobContext context) throws Exception {
            if (!context.projectId().equals(projectId)) {
                // another test class's features job, left queued in the shared database
                throw new NonRetryableJobException("not this test's job");
            }
            if (context.attempt() == 1) {
                context.progress(0.4);
                throw new IllegalStateException("the worker's disk filled up");
            }
            context.progress(0.05);
            while (!release.await(50, TimeUnit.MILLISECONDS)) {
                context.throwIfCancelled();
            }
        }
    }
}
