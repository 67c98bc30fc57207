package dev.edgeforge.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

/** Registers fresh users through the real API, so tests never depend on each other's data. */
public final class TestUsers {

    private TestUsers() {}

    /** A registered, logged-in user. */
    public record User(UUID id, String email, String password, String token) {
        public ApiClient.Auth auth() {
            return ApiClient.Auth.bearer(token);
        }
    }

    public static User register(ApiClient client, String label) {
        String email = label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@it.edgeforge.test";
        String password = "pw-" + UUID.randomUUID();
        ApiClient.Response registered = client.post(
                "/api/v1/auth/register",
                Map.of("email", email, "password", password, "name", label),
                ApiClient.Auth.none());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new User(UUID.fromString(registered.text("id")), email, password, login(client, email, password));
    }

    public static String login(ApiClient client, String email, String password) {
        ApiClient.Response login =
                client.post("/api/v1/auth/login", Map.of("email", email, "password", password), ApiClient.Auth.none());
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.text("token");
    }

    /** Creates a project owned by {@code owner}; returns its id. */
    public static UUID createProject(ApiClient client, User owner, String name) {
        ApiClient.Response created = client.post("/api/v1/projects", Map.of("name", name), owner.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }
}
