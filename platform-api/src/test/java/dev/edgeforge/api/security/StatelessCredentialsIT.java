package dev.edgeforge.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.BrowserSession;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.core.format.ei.EiAcquisitionWriter;
import dev.edgeforge.core.format.ei.EiSigning;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #10: header credentials leave no server session behind, and the metrics are not on the public port.
 */
@IntegrationTest
class StatelessCredentialsIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MeterRegistry meters;

    ApiClient client;
    TestUsers.User owner;
    UUID projectId;

    @BeforeEach
    void setUp() {
        client = ApiClient.stateless(port);
        owner = TestUsers.register(client, "stateless");
        projectId = TestUsers.createProject(client, owner, "Stateless");
    }

    @Test
    void aDeviceUploadWithAnApiKeyCreatesNoSession() {
        ApiClient.Response key = client.post(
                "/api/v1/projects/" + projectId + "/api-keys",
                Map.of("name", "device", "scopes", List.of("ingest")),
                owner.auth());
        assertThat(key.status()).isEqualTo(201);
        byte[] message = EiAcquisitionWriter.writeJson(
                SampleData.builder()
                        .setSensors(List.of(new Sensor("accX", "m/s2")))
                        .setIntervalMs(10)
                        .setValues(new float[][] {{1, 2, 3, 4}})
                        .build(),
                EiSigning.none());

        ApiClient.Response upload = client.send(
                "POST",
                "/api/training/data",
                new String(message),
                Auth.apiKey(key.text("key")),
                List.of("Content-Type", "application/json", "x-file-name", "a.json"));

        assertThat(upload.status()).as(upload.body()).isEqualTo(200);
        assertThat(upload.header("Set-Cookie")).isEmpty();
    }

    /** Issue #16: "20 curl uploads → 20 sessions, 30 min each". */
    @Test
    void twentyDeviceUploadsWithAnApiKeyLeaveNoSessionOnTheServer() {
        String key = client.post(
                        "/api/v1/projects/" + projectId + "/api-keys",
                        Map.of("name", "devices", "scopes", List.of("ingest")),
                        owner.auth())
                .text("key");
        double createdBefore = sessionsCreated();

        for (int i = 0; i < 20; i++) {
            byte[] message = EiAcquisitionWriter.writeJson(
                    SampleData.builder()
                            .setSensors(List.of(new Sensor("accX", "m/s2")))
                            .setIntervalMs(10)
                            .setValues(new float[][] {{i, 2, 3, 4}})
                            .build(),
                    EiSigning.none());
            ApiClient.Response upload = client.send(
                    "POST",
                    "/api/training/data",
                    new String(message),
                    Auth.apiKey(key),
                    List.of("Content-Type", "application/json", "x-file-name", "device-" + i + ".json"));
            assertThat(upload.status()).as(upload.body()).isEqualTo(200);
            assertThat(upload.header("Set-Cookie")).isEmpty();
        }

        assertThat(sessionsCreated() - createdBefore).isZero();
    }

    /** Sessions the server's Tomcat created so far (Micrometer's Tomcat binder reads its session manager). */
    private double sessionsCreated() {
        return meters.get("tomcat.sessions.created").functionCounter().count();
    }

    @Test
    void bearerTokenRequestsCreateNoSession() {
        ApiClient.Response read = client.get("/api/v1/projects/" + projectId, owner.auth());
        ApiClient.Response write =
                client.patch("/api/v1/projects/" + projectId, Map.of("description", "x"), owner.auth());
        ApiClient.Response refused = client.get("/api/v1/projects/" + UUID.randomUUID(), owner.auth());

        assertThat(List.of(read.status(), write.status(), refused.status())).containsExactly(200, 200, 404);
        assertThat(read.header("Set-Cookie")).isEmpty();
        assertThat(write.header("Set-Cookie")).isEmpty();
        assertThat(refused.header("Set-Cookie")).isEmpty();
    }

    @Test
    void streamedAnswersFindTheHeaderCredentialsWithoutASession() throws Exception {
        // the dataset export streams (an async dispatch, which runs the security filters once more)
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<byte[]> export = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + port + "/api/v1/projects/" + projectId + "/dataset/export"))
                        .header("Authorization", "Bearer " + owner.token())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).startsWith('P', 'K');
        assertThat(export.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void metricsAreServedOnTheLoopbackManagementPortOnly() throws Exception {
        // issue #10: "/actuator/prometheus is public"; on the public port it now needs a signed-in administrator,
        // and is not even there for them
        ApiClient.Response anonymous = ApiClient.stateless(port).get("/actuator/prometheus", Auth.none());
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location").orElse("")).endsWith("/login");
        assertThat(ApiClient.stateless(port)
                        .get("/actuator/prometheus", owner.auth())
                        .status())
                .isEqualTo(302);
        BrowserSession user = BrowserSession.signIn(port, owner.email(), owner.password());
        assertThat(user.page("/actuator/prometheus").status()).isEqualTo(403);
        BrowserSession admin = BrowserSession.signIn(port, IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
        assertThat(admin.page("/actuator/prometheus").status()).isEqualTo(404);

        HttpResponse<String> metrics = get("127.0.0.1", managementPort, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        // bound to 127.0.0.1 itself, not to every address: another loopback address is not answered
        assertThatThrownBy(() -> get("127.0.0.2", managementPort, "/actuator/prometheus"))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void healthProbesStayAvailable() throws Exception {
        assertThat(get("127.0.0.1", managementPort, "/actuator/health/readiness")
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("127.0.0.1", managementPort, "/actuator/health/liveness").statusCode())
                .isEqualTo(200);
        assertThat(get("127.0.0.1", port, "/readyz").statusCode()).isEqualTo(200);
        assertThat(get("127.0.0.1", port, "/livez").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(String host, int port, String path)
            throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(
                HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
