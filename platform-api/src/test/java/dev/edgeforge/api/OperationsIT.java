package dev.edgeforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Endpoints for operators and API users: health probes and metrics (on the management port, which is on loopback;
 * the public port has /livez and /readyz), the OpenAPI document and Swagger UI.
 */
@IntegrationTest
class OperationsIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void healthProbesAreUpWithoutCredentials() {
        ApiClient management = ApiClient.stateless(managementPort);
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            ApiClient.Response response = management.get(path, Auth.none());
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.text("status")).as(path).isEqualTo("UP");
        }
        for (String path : List.of("/livez", "/readyz")) {
            ApiClient.Response response = ApiClient.stateless(port).get(path, Auth.none());
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.text("status")).as(path).isEqualTo("UP");
        }
    }

    @Test
    void prometheusScrapesMetrics() {
        // at least one finished request, so the HTTP server metrics exist whatever ran before
        assertThat(ApiClient.stateless(port).get("/readyz", Auth.none()).status())
                .isEqualTo(200);
        ApiClient.Response response = ApiClient.stateless(managementPort)
                .send("GET", "/actuator/prometheus", null, Auth.none(), List.of("Accept", "text/plain"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }

    @Test
    void openApiDescribesTheApi() {
        ApiClient.Response docs = ApiClient.stateless(port).get("/v3/api-docs", Auth.none());
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("openapi").asString()).startsWith("3.");
        assertThat(docs.json().path("paths").propertyNames())
                .contains(
                        "/api/v1/projects",
                        "/api/v1/projects/{projectId}",
                        "/api/v1/projects/{projectId}/api-keys",
                        "/api/v1/auth/login",
                        "/api/v1/tokens",
                        "/api/v1/admin/settings",
                        "/api/v1/admin/accounts",
                        "/api/v1/auth/password",
                        "/api/v1/projects/{projectId}/invites",
                        "/api/v1/invites/{token}/accept",
                        "/api/v1/projects/{projectId}/audit");
        assertThat(docs.json().path("components").path("securitySchemes").propertyNames())
                .contains("bearer", "apiKey");
    }

    @Test
    void swaggerUiIsServed() {
        ApiClient client = ApiClient.stateless(port);
        ApiClient.Response redirect =
                client.send("GET", "/swagger-ui.html", null, Auth.none(), List.of("Accept", "text/html"));
        assertThat(redirect.status()).isEqualTo(302);
        String location = redirect.header("Location").orElseThrow();
        ApiClient.Response page = client.send(
                "GET", location.replaceFirst("^https?://[^/]+", ""), null, Auth.none(), List.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger");
    }
}
