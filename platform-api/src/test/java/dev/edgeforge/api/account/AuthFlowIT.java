package dev.edgeforge.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.BrowserSession;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AuthFlowIT {

    @LocalServerPort
    int port;

    ApiClient client;

    @BeforeEach
    void setUp() {
        client = ApiClient.stateless(port);
    }

    /** What the administration settings say of registration now. */
    private boolean registrationOpen(Auth admin) {
        return client.get("/api/v1/admin/settings", admin)
                .json()
                .path("registrationOpen")
                .asBoolean();
    }

    /** {@code POST /api/v1/auth/register} without credentials. */
    private ApiClient.Response register(Map<String, ?> body) {
        return client.post("/api/v1/auth/register", body, Auth.none());
    }

    // issue #10: "Anyone can POST /api/v1/auth/register by default"
    @Test
    void registrationIsClosedUntilAnAdministratorOpensIt() {
        Auth admin = TestUsers.admin(client);
        assertThat(registrationOpen(admin)).isFalse();

        ApiClient.Response refused = register(
                Map.of("email", "walk-in-" + System.nanoTime() + "@it.edgeforge.test", "password", "long-enough"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("code")).isEqualTo("registration-closed");
        assertThat(refused.text("detail")).contains("invite");
    }

    @Test
    void registerLoginAndUseTheBearerToken() {
        ApiClient.Response registered;
        try (TestUsers.OpenRegistration open = TestUsers.openRegistration(client)) {
            registered = register(
                    Map.of("email", "  Grace.Hopper@IT.edgeforge.test ", "password", "cobol-1959!", "name", "Grace"));
        }
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
        ApiClient.Response again;
        try (TestUsers.OpenRegistration open = TestUsers.openRegistration(client)) {
            again = register(Map.of("email", user.email().toUpperCase(), "password", "another-password"));
        }
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("email-taken");
        assertThat(again.json().path("errors").get(0).path("field").asString()).isEqualTo("email");
    }

    @Test
    void passwordsLongerThanBcryptCanHashAreRefused() {
        String seventyFourBytes = "x".repeat(70) + "\u00e9\u00e9"; // 72 characters, 74 bytes in UTF-8
        ApiClient.Response response;
        try (TestUsers.OpenRegistration open = TestUsers.openRegistration(client)) {
            response = register(
                    Map.of("email", "long-" + System.nanoTime() + "@it.edgeforge.test", "password", seventyFourBytes));
        }
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("code")).isEqualTo("validation-failed");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("password");
    }

    @Test
    void personalAccessTokensExpireAreListedWithoutSecretAndCanBeRevoked() {
        TestUsers.User user = TestUsers.register(client, "pat");

        ApiClient.Response created = client.post("/api/v1/tokens", Map.of("name", "ci pipeline"), user.auth());
        assertThat(created.status()).isEqualTo(201);
        String secret = created.text("token");
        String id = created.text("id");
        assertThat(secret).startsWith("efp_");
        assertThat(created.header("Location")).contains("/api/v1/tokens/" + id);
        // issue #10: "personal tokens never expire"; now 90 days unless chosen otherwise
        assertThat(Duration.between(Instant.parse(created.text("createdAt")), Instant.parse(created.text("expiresAt"))))
                .isEqualTo(Duration.ofDays(90));

        ApiClient.Response me = client.get("/api/v1/auth/me", Auth.bearer(secret));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(user.email());

        ApiClient.Response list = client.get("/api/v1/tokens", Auth.bearer(secret));
        assertThat(list.status()).isEqualTo(200);
        JsonNode personal = only(list, "personal");
        assertThat(personal.path("name").asString()).isEqualTo("ci pipeline");
        assertThat(personal.path("lastUsedAt").isNull()).isFalse();
        assertThat(personal.path("expiresAt").asString()).isEqualTo(created.text("expiresAt"));
        assertThat(personal.path("current").asBoolean()).isTrue();
        assertThat(list.body()).doesNotContain(secret);

        // another user cannot revoke it, and does not learn that it exists
        TestUsers.User other = TestUsers.register(client, "pat-other");
        assertThat(client.delete("/api/v1/tokens/" + id, other.auth()).status()).isEqualTo(404);

        assertThat(client.delete("/api/v1/tokens/" + id, user.auth()).status()).isEqualTo(204);
        ApiClient.Response revoked = client.get("/api/v1/auth/me", Auth.bearer(secret));
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(kinds(client.get("/api/v1/tokens", user.auth()))).doesNotContain("personal");
    }

    @Test
    void personalTokenLifetimesAreChosenUpToAYear() {
        TestUsers.User user = TestUsers.register(client, "lifetime");
        ApiClient.Response week =
                client.post("/api/v1/tokens", Map.of("name", "a week", "expiresInDays", 7), user.auth());
        assertThat(week.status()).isEqualTo(201);
        assertThat(Duration.between(Instant.parse(week.text("createdAt")), Instant.parse(week.text("expiresAt"))))
                .isEqualTo(Duration.ofDays(7));
        assertThat(client.post("/api/v1/tokens", Map.of("name", "a year", "expiresInDays", 365), user.auth())
                        .status())
                .isEqualTo(201);

        for (int days : new int[] {0, 366, 10_000}) {
            ApiClient.Response refused =
                    client.post("/api/v1/tokens", Map.of("name", "too long", "expiresInDays", days), user.auth());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.text("code")).isEqualTo("validation-failed");
            assertThat(refused.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("expiresInDays");
        }
    }

    // issue #10: "login tokens (30 days) are not listed nor revocable"
    @Test
    void loginTokensAreListedWithExpiryAndRevocable() {
        TestUsers.User user = TestUsers.register(client, "logins");
        String second = TestUsers.login(client, user.email(), user.password());

        ApiClient.Response list = client.get("/api/v1/tokens", user.auth());
        assertThat(kinds(list)).containsExactly("login", "login");
        JsonNode mine = list.json()
                .valueStream()
                .filter(t -> t.path("current").asBoolean())
                .findFirst()
                .orElseThrow();
        assertThat(mine.path("name").asString()).startsWith("API sign-in from ");
        assertThat(Duration.between(
                        Instant.parse(mine.path("createdAt").asString()),
                        Instant.parse(mine.path("expiresAt").asString())))
                .isEqualTo(Duration.ofDays(30));
        assertThat(mine.path("lastUsedAt").isNull()).isFalse();
        JsonNode other = list.json()
                .valueStream()
                .filter(t -> !t.path("current").asBoolean())
                .findFirst()
                .orElseThrow();

        assertThat(client.delete("/api/v1/tokens/" + other.path("id").asString(), user.auth())
                        .status())
                .isEqualTo(204);
        assertThat(client.get("/api/v1/auth/me", Auth.bearer(second)).status()).isEqualTo(401);
        assertThat(client.get("/api/v1/auth/me", user.auth()).status()).isEqualTo(200);
    }

    // issue #10: "there is no password change"
    @Test
    void changingThePasswordSignsOutEveryOtherLoginButKeepsPersonalTokens() {
        TestUsers.User user = TestUsers.register(client, "newpw");
        String otherLogin = TestUsers.login(client, user.email(), user.password());
        String personal =
                client.post("/api/v1/tokens", Map.of("name", "ci"), user.auth()).text("token");
        BrowserSession browser = BrowserSession.signIn(port, user.email(), user.password());
        assertThat(browser.page("/projects").status()).isEqualTo(200);

        ApiClient.Response wrong = client.post(
                "/api/v1/auth/password",
                Map.of("currentPassword", "not-it", "newPassword", "a-new-password"),
                user.auth());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("errors").get(0).path("field").asString()).isEqualTo("currentPassword");
        ApiClient.Response tooShort = client.post(
                "/api/v1/auth/password",
                Map.of("currentPassword", user.password(), "newPassword", "short"),
                user.auth());
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().path("errors").get(0).path("field").asString())
                .isEqualTo("newPassword");

        ApiClient.Response changed = client.post(
                "/api/v1/auth/password",
                Map.of("currentPassword", user.password(), "newPassword", "a-new-password"),
                user.auth());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("loginTokensRevoked").asInt()).isEqualTo(1);
        assertThat(changed.json().path("sessionsEnded").asInt()).isEqualTo(1);

        assertThat(client.get("/api/v1/auth/me", user.auth()).status())
                .as("the token that asked")
                .isEqualTo(200);
        assertThat(client.get("/api/v1/auth/me", Auth.bearer(otherLogin)).status())
                .isEqualTo(401);
        assertThat(client.get("/api/v1/auth/me", Auth.bearer(personal)).status())
                .isEqualTo(200);
        ApiClient.Response ended = browser.page("/projects");
        assertThat(ended.status()).isEqualTo(302);
        assertThat(ended.header("Location").orElse("")).endsWith("/login?expired");

        assertThat(client.post(
                                "/api/v1/auth/login",
                                Map.of("email", user.email(), "password", user.password()),
                                Auth.none())
                        .status())
                .isEqualTo(401);
        assertThat(TestUsers.login(client, user.email(), "a-new-password")).isNotBlank();
    }

    @Test
    void firstAdministratorComesFromTheConfiguration() {
        String token = TestUsers.login(client, IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
        ApiClient.Response me = client.get("/api/v1/auth/me", Auth.bearer(token));
        assertThat(me.json().path("admin").asBoolean()).isTrue();
        assertThat(me.text("email")).isEqualTo(IntegrationTest.ADMIN_EMAIL.toLowerCase());
    }

    @Test
    void onlyAdministratorsChangeSettingsAndCreateAccounts() {
        TestUsers.User user = TestUsers.register(client, "not-admin");
        ApiClient.Response forbidden =
                client.put("/api/v1/admin/settings", Map.of("registrationOpen", true), user.auth());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text("code")).isEqualTo("admin-required");
        assertThat(client.post(
                                "/api/v1/admin/accounts",
                                Map.of("email", "x@it.edgeforge.test", "password", "long-enough"),
                                user.auth())
                        .status())
                .isEqualTo(403);

        Auth admin = TestUsers.admin(client);
        try (TestUsers.OpenRegistration open = TestUsers.openRegistration(client)) {
            assertThat(registrationOpen(admin)).isTrue();
            ApiClient.Response registered = register(
                    Map.of("email", "early-" + System.nanoTime() + "@it.edgeforge.test", "password", "long-enough"));
            assertThat(registered.status()).isEqualTo(201);
        }
        assertThat(registrationOpen(admin)).isFalse();
        ApiClient.Response refused = register(
                Map.of("email", "late-" + System.nanoTime() + "@it.edgeforge.test", "password", "long-enough"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("title")).isEqualTo("Registration is closed");

        // administrators let people in while registration is closed
        String email = "by-admin-" + System.nanoTime() + "@it.edgeforge.test";
        ApiClient.Response created = client.post(
                "/api/v1/admin/accounts",
                Map.of("email", email, "password", "initial-password", "name", "Made by admin"),
                admin);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("admin").asBoolean()).isFalse();
        assertThat(TestUsers.login(client, email, "initial-password")).isNotBlank();
        assertThat(client.get("/api/v1/admin/accounts", admin).body()).contains(email);
        ApiClient.Response taken = client.post(
                "/api/v1/admin/accounts", Map.of("email", email.toUpperCase(), "password", "initial-password"), admin);
        assertThat(taken.status()).isEqualTo(409);
    }

    private static List<String> kinds(ApiClient.Response list) {
        assertThat(list.status()).isEqualTo(200);
        return list.json().valueStream().map(t -> t.path("kind").asString()).toList();
    }

    private static JsonNode only(ApiClient.Response list, String kind) {
        List<JsonNode> matching = list.json()
                .valueStream()
                .filter(t -> t.path("kind").asString().equals(kind))
                .toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
