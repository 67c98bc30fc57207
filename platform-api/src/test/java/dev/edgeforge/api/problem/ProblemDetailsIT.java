package dev.edgeforge.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.CsrfTokens;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every error of the API has the same RFC 9457 shape, whichever layer produced it. */
@IntegrationTest
class ProblemDetailsIT {

    @LocalServerPort
    int port;

    ApiClient client;
    TestUsers.User user;

    @BeforeEach
    void setUp() {
        client = ApiClient.stateless(port);
        user = TestUsers.register(client, "problems");
    }

    private static void assertProblem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.text("type")).endsWith(":" + code);
        assertThat(response.text("title")).isNotBlank();
        assertThat(response.text("detail")).isNotBlank().endsWith(".");
        assertThat(response.text("instance")).startsWith("/");
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("trace");
    }

    @Test
    void missingProjectIs404WithAFixedTitle() {
        String id = UUID.randomUUID().toString();
        ApiClient.Response response = client.get("/api/v1/projects/" + id, user.auth());
        assertProblem(response, 404, "project-not-found");
        assertThat(response.text("title")).isEqualTo("Project not found");
        assertThat(response.text("instance")).isEqualTo("/api/v1/projects/" + id);
        assertThat(response.text("projectId")).isEqualTo(id);
        // members are listed in the same order on every problem
        assertThat(response.json().propertyNames()).startsWith("type", "title", "status", "detail", "instance");
    }

    @Test
    void validationErrorsListEveryField() {
        ApiClient.Response response =
                client.post("/api/v1/auth/register", Map.of("email", "not-an-email", "password", "short"), Auth.none());
        assertProblem(response, 400, "validation-failed");
        assertThat(response.json().path("errors").values())
                .extracting(e -> e.path("field").asString())
                .containsExactly("email", "password");
        assertThat(response.json().path("errors").values())
                .allSatisfy(e -> assertThat(e.path("message").asString()).isNotBlank());
    }

    @Test
    void unreadableBodiesAndBadParametersAre400() {
        assertProblem(client.post("/api/v1/projects", "{\"name\": ", user.auth()), 400, "malformed-request");
        assertProblem(client.post("/api/v1/projects", "", user.auth()), 400, "malformed-request");

        ApiClient.Response wrongType = client.post("/api/v1/projects", "{\"name\": [1, 2]}", user.auth());
        assertProblem(wrongType, 400, "validation-failed");
        assertThat(wrongType.json().path("errors").get(0).path("field").asString())
                .isEqualTo("name");

        ApiClient.Response notUuid = client.get("/api/v1/projects/not-a-uuid", user.auth());
        assertProblem(notUuid, 400, "invalid-parameter");
        assertThat(notUuid.text("detail")).contains("projectId").contains("UUID");
    }

    @Test
    void routingErrorsAreProblemsToo() {
        assertProblem(client.get("/api/v1/no-such-endpoint", user.auth()), 404, "not-found");
        assertProblem(client.put("/api/v1/projects", Map.of(), user.auth()), 405, "method-not-allowed");
        assertProblem(
                client.send("POST", "/api/v1/projects", "name=x", user.auth(), List.of("Content-Type", "text/plain")),
                415,
                "unsupported-media-type");
    }

    @Test
    void securityErrorsAreProblems() {
        assertProblem(client.get("/api/v1/projects", Auth.none()), 401, "authentication-required");
        assertProblem(client.get("/api/v1/projects", Auth.bearer("efs_garbage")), 401, "invalid-credentials");
        assertProblem(client.get("/api/v1/admin/settings", user.auth()), 403, "admin-required");
    }

    @Test
    void browsersGetAnHtmlErrorPageOutsideTheApi() {
        ApiClient browser = ApiClient.withCookies(port);
        ApiClient.Response page = browser.send("GET", "/login", null, Auth.none(), List.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(200);
        String csrf = CsrfTokens.fromForm(page.body());
        ApiClient.Response login = browser.send(
                "POST",
                "/login",
                "email=" + user.email() + "&password=" + user.password() + "&_csrf=" + csrf,
                Auth.none(),
                List.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"));
        assertThat(login.status()).isEqualTo(302);

        ApiClient.Response missing = browser.send(
                "GET", "/projects/" + UUID.randomUUID(), null, Auth.none(), List.of("Accept", "text/html"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/html");
        assertThat(missing.body()).contains("Project not found").doesNotContain("Exception");

        ApiClient.Response noPage =
                browser.send("GET", "/no/such/page", null, Auth.none(), List.of("Accept", "text/html"));
        assertThat(noPage.status()).isEqualTo(404);
        assertThat(noPage.body()).contains("Resource not found");
    }
}
