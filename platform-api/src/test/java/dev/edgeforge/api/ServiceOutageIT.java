package dev.edgeforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.edgeforge.api.problem.ProblemHandler;
import dev.edgeforge.api.problem.ServiceOutages;
import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.InJvmS3;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.core.format.ei.EiAcquisitionWriter;
import dev.edgeforge.core.format.ei.EiSigning;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import dev.edgeforge.infra.db.EmbeddedDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #16: "object store down 28 s: uploads got HTTP 500 internal-error, no Retry-After, a ~170-line stack trace
 * each; readiness stayed UP" and "database down: every API call hung ~30 s then 500". The real object store (S3Proxy)
 * and the real embedded PostgreSQL are stopped while the server runs: callers get 503 with Retry-After within seconds,
 * the log gets one line per kind of outage, readiness is DOWN and liveness UP; both recover when the service is back.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ServiceOutageIT {

    private static final InJvmS3 S3 = InJvmS3.start();
    private static EmbeddedDatabase restarted;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        S3.register(registry, "outage-it");
        registry.add("edgeforge.workers.embedded", () -> "false");
    }

    @AfterAll
    static void stopAll() throws Exception {
        S3.close();
        if (restarted != null) {
            restarted.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedDatabase database;

    ApiClient client;
    TestUsers.User owner;
    UUID projectId;
    String ingestKey;
    ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void setUp() {
        client = ApiClient.stateless(port);
        owner = TestUsers.register(client, "outage");
        projectId = TestUsers.createProject(client, owner, "Outage");
        ingestKey = client.post(
                        "/api/v1/projects/" + projectId + "/api-keys",
                        Map.of("name", "device", "scopes", List.of("ingest")),
                        owner.auth())
                .text("key");
        logs = new ListAppender<>();
        logs.start();
        logger(ServiceOutages.class).addAppender(logs);
        logger(ProblemHandler.class).addAppender(logs);
    }

    @AfterEach
    void detach() {
        logger(ServiceOutages.class).detachAppender(logs);
        logger(ProblemHandler.class).detachAppender(logs);
    }

    @Test
    void uploadsAnswer503WithRetryAfterWhileTheObjectStoreIsDownAndWorkAgainAfter() throws Exception {
        assertThat(upload(1).status()).isEqualTo(200);
        assertThat(client.get("/readyz", Auth.none()).status()).isEqualTo(200);

        S3.stopServing();
        try {
            for (int i = 2; i < 12; i++) {
                long started = System.nanoTime();
                ApiClient.Response refused = upload(i);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(refused.status()).as(refused.body()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).contains("5");
                assertThat(refused.text("code")).isEqualTo("storage-unavailable");
                assertThat(refused.body()).doesNotContain("Exception").doesNotContain("incident");
                assertThat(took).isLessThan(Duration.ofSeconds(5));
            }
            ApiClient.Response ready = client.get("/readyz", Auth.none());
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.text("status")).isEqualTo("DOWN");
            assertThat(client.get("/livez", Auth.none()).status()).isEqualTo(200);
            // ten refusals, one log line and no stack trace
            assertThat(logs.list)
                    .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                    .singleElement()
                    .satisfies(event -> {
                        assertThat(event.getFormattedMessage()).startsWith("The object store cannot be reached");
                        assertThat(event.getThrowableProxy()).isNull();
                    });
        } finally {
            S3.serveAgain();
        }

        assertThat(upload(20).status()).isEqualTo(200);
        awaitStatus(() -> client.get("/readyz", Auth.none()).status(), 200, Duration.ofSeconds(10));
    }

    @Test
    void theApiAnswers503WithinSecondsWhileTheDatabaseIsDownAndWorksAgainAfter() throws Exception {
        EmbeddedDatabase running = restarted != null ? restarted : database;
        String path = "/api/v1/projects/" + projectId;
        assertThat(client.get(path, owner.auth()).status()).isEqualTo(200);

        running.close();
        try {
            for (Auth auth : List.of(owner.auth(), Auth.apiKey(ingestKey))) {
                long started = System.nanoTime();
                ApiClient.Response refused = client.get(path, auth);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(refused.status()).as(refused.body()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).contains("5");
                assertThat(refused.text("code")).isEqualTo("database-unavailable");
                assertThat(took).isLessThan(Duration.ofSeconds(5));
            }
            assertThat(client.get("/readyz", Auth.none()).status()).isEqualTo(503);
            assertThat(client.get("/livez", Auth.none()).status()).isEqualTo(200);
            assertThat(logs.list)
                    .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                    .allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull())
                    .hasSize(1);
        } finally {
            restarted = EmbeddedDatabase.builder()
                    .optDataDirectory(running.dataDirectory())
                    .optPort(running.port())
                    .build();
        }

        awaitStatus(() -> client.get(path, owner.auth()).status(), 200, Duration.ofSeconds(20));
        awaitStatus(() -> client.get("/readyz", Auth.none()).status(), 200, Duration.ofSeconds(20));
    }

    private ApiClient.Response upload(int value) {
        byte[] message = EiAcquisitionWriter.writeJson(
                SampleData.builder()
                        .setSensors(List.of(new Sensor("accX", "m/s2")))
                        .setIntervalMs(10)
                        .setValues(new float[][] {{value, 2, 3, 4}})
                        .build(),
                EiSigning.none());
        return client.send(
                "POST",
                "/api/training/data",
                new String(message),
                Auth.apiKey(ingestKey),
                List.of("Content-Type", "application/json", "x-file-name", "s" + value + ".json"));
    }

    private static void awaitStatus(Supplier<Integer> status, int expected, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int last = status.get();
        while (last != expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            last = status.get();
        }
        assertThat(last).isEqualTo(expected);
    }

    private static Logger logger(Class<?> type) {
        return (Logger) LoggerFactory.getLogger(type);
    }
}
