package dev.edgeforge.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class AuthFlowIT {

    @LocalServerPort
    int port;

    ApiClient client;

    @BeforeEach
    void setUp() {
        client = ApiClient.stateless(port);
    }

    @Test
    void registerLoginAndUseTheBearerToken() {
        ApiClient.Response registered = client.post(
                "/api/v1/auth/register",
                Map.of("email", "  Grace.Hopper@IT.edgeforge.test ", "password", "cobol-1959!", "name", "Grace"),
                Auth.none());
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("email")).isEqualTo("grace.hopper@it.edgeforge.test");
        assertThat(registered.json().path("admin").asBoolean()).isFalse();
        assertThat(registered.body()).doesNotContain("cobol-1959!").doesNotContain("bcrypt");

        // the email is matched case-insensitively at sign-in
        ApiClient.Response login = client.post(
                "/api/v1/auth/login",
                Map.of("email", "GRACE.HOPPER@it.edgeforge.test", "password", "cobol-1959!"),
                Auth.none());
        assertThat(login.status()).isEqualTo(200);
        String token = login.text("token");
        assertThat(token).startsWith("efs_");
        assertThat(login.text("expiresAt")).isNotBlank();

        ApiClient.Response me = client.get("/api/v1/auth/me", Auth.bearer(token));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo("grace.hopper@it.edgeforge.test");
        assertThat(me.text("name")).isEqualTo("Grace");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameProblem() {
        TestUsers.User user = TestUsers.register(client, "wrongpw");
        ApiClient.Response wrongPassword = client.post(
                "/api/v1/auth/login", Map.of("email", user.email(), "password", "not-the-password"), Auth.none());
        ApiClient.Response unknownEmail = client.post(
                "/api/v1/auth/login",
                Map.of("email", "nobody-" + user.email(), "password", "not-the-password"),
                Auth.none());

        for (ApiClient.Response response : new ApiClient.Response[] {wrongPassword, unknownEmail}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.text("code")).isEqualTo("invalid-credentials");
        }
        assertThat(wrongPassword.text("detail")).isEqualTo(unknownEmail.text("detail"));
    }

    @Test
    void unknownOrMalformedBearerTokenIsRejected() {
        ApiClient.Response unknown = client.get("/api/v1/auth/me", Auth.bearer("efs_this-token-was-never-issued"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.text("code")).isEqualTo("invalid-credentials");

        ApiClient.Response apiKeyAsBearer = client.get("/api/v1/auth/me", Auth.bearer("ef_looks-like-an-api-key"));
        assertThat(apiKeyAsBearer.status()).isEqualTo(401);
        assertThat(apiKeyAsBearer.text("detail")).contains("x-api-key");
    }

    @Test
    void duplicateEmailIsAConflictWhateverItsCase() {
        TestUsers.User user = TestUsers.register(client, "dup");
        ApiClient.Response again = client.post(
                "/api/v1/auth/register",
                Map.of("email", user.email().toUpperCase(), "password", "another-password"),
                Auth.none());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("email-taken");
        assertThat(again.json().path("errors").get(0).path("field").asString()).isEqualTo("email");
    }

    @Test
    void passwordsLongerThanBcryptCanHashAreRefused() {
        String seventyFourBytes = "x".repeat(70) + "\u00e9\u00e9"; // 72 characters, 74 bytes in UTF-8
        ApiClient.Response response = client.post(
                "/api/v1/auth/register",
                Map.of("email", "long-" + System.nanoTime() + "@it.edgeforge.test", "password", seventyFourBytes),
                Auth.none());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("code")).isEqualTo("validation-failed");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("password");
    }

    @Test
    void personalAccessTokensAreListedWithoutSecretAndCanBeRevoked() {
        TestUsers.User user = TestUsers.register(client, "pat");

        ApiClient.Response created = client.post("/api/v1/tokens", Map.of("name", "ci pipeline"), user.auth());
        assertThat(created.status()).isEqualTo(201);
        String secret = created.text("token");
        String id = created.text("id");
        assertThat(secret).startsWith("efp_");
        assertThat(created.header("Location")).contains("/api/v1/tokens/" + id);

        ApiClient.Response me = client.get("/api/v1/auth/me", Auth.bearer(secret));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(user.email());

        ApiClient.Response list = client.get("/api/v1/tokens", Auth.bearer(secret));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(1);
        assertThat(list.json().get(0).path("name").asString()).isEqualTo("ci pipeline");
        assertThat(list.json().get(0).path("lastUsedAt").isNull()).isFalse();
        assertThat(list.body()).doesNotContain(secret);

        // another user cannot revoke it, and does not learn that it exists
        TestUsers.User other = TestUsers.register(client, "pat-other");
        assertThat(client.delete("/api/v1/tokens/" + id, other.auth()).status()).isEqualTo(404);

        assertThat(client.delete("/api/v1/tokens/" + id, user.auth()).status()).isEqualTo(204);
        ApiClient.Response revoked = client.get("/api/v1/auth/me", Auth.bearer(secret));
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(client.get("/api/v1/tokens", user.auth()).json().size()).isZero();
    }

    @Test
    void firstAdministratorComesFromTheConfiguration() {
        String token = TestUsers.login(client, IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
        ApiClient.Response me = client.get("/api/v1/auth/me", Auth.bearer(token));
        assertThat(me.json().path("admin").asBoolean()).isTrue();
        assertThat(me.text("email")).isEqualTo(IntegrationTest.ADMIN_EMAIL.toLowerCase());
    }

    @Test
    void onlyAdministratorsChangeSettingsAndClosedRegistrationIsRefused() {
        TestUsers.User user = TestUsers.register(client, "not-admin");
        ApiClient.Response forbidden =
                client.put("/api/v1/admin/settings", Map.of("registrationOpen", false), user.auth());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text("code")).isEqualTo("admin-required");

        Auth admin = Auth.bearer(TestUsers.login(client, IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD));
        try {
            ApiClient.Response closed = client.put("/api/v1/admin/settings", Map.of("registrationOpen", false), admin);
            assertThat(closed.status()).isEqualTo(200);
            assertThat(closed.json().path("registrationOpen").asBoolean()).isFalse();
            assertThat(client.get("/api/v1/admin/settings", admin)
                            .json()
                            .path("registrationOpen")
                            .asBoolean())
                    .isFalse();

            ApiClient.Response refused = client.post(
                    "/api/v1/auth/register",
                    Map.of("email", "late-" + System.nanoTime() + "@it.edgeforge.test", "password", "long-enough"),
                    Auth.none());
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("code")).isEqualTo("registration-closed");
            assertThat(refused.text("title")).isEqualTo("Registration is closed");

            // existing accounts still sign in
            assertThat(TestUsers.login(client, user.email(), user.password())).isNotBlank();
        } finally {
            client.put("/api/v1/admin/settings", Map.of("registrationOpen", true), admin);
        }
        assertThat(TestUsers.register(client, "after-reopen").email()).isNotBlank();
    }
}
