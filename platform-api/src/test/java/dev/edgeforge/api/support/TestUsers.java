package dev.edgeforge.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fresh users through the real API, so tests never depend on each other's data. Registration is closed by default,
 * so users are created by the first administrator of {@link IntegrationTest} ({@code POST /api/v1/admin/accounts}),
 * the way an administrator lets people in; tests of registration itself open it with {@link #openRegistration}.
 */
public final class TestUsers {

    /** The administrator's login token per server, so creating a user costs one sign-in, not two. */
    private static final Map<String, String> ADMIN_TOKENS = new ConcurrentHashMap<>();

    private TestUsers() {}

    /** A registered, logged-in user. */
    public record User(UUID id, String email, String password, String token) {
        public ApiClient.Auth auth() {
            return ApiClient.Auth.bearer(token);
        }
    }

    /** A new account (created by the administrator), signed in with a login token. */
    public static User register(ApiClient client, String label) {
        String email = label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@it.edgeforge.test";
        String password = "pw-" + UUID.randomUUID();
        Map<String, Object> account = Map.of("email", email, "password", password, "name", label);
        ApiClient.Response created = client.post("/api/v1/admin/accounts", account, admin(client));
        if (created.status() == 401) {
            // the cached administrator token was revoked or expired
            ADMIN_TOKENS.remove(client.base());
            created = client.post("/api/v1/admin/accounts", account, admin(client));
        }
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new User(UUID.fromString(created.text("id")), email, password, login(client, email, password));
    }

    public static String login(ApiClient client, String email, String password) {
        ApiClient.Response login =
                client.post("/api/v1/auth/login", Map.of("email", email, "password", password), ApiClient.Auth.none());
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.text("token");
    }

    /** The first administrator of {@link IntegrationTest}, signed in. */
    public static ApiClient.Auth admin(ApiClient client) {
        return ApiClient.Auth.bearer(ADMIN_TOKENS.computeIfAbsent(
                client.base(), base -> login(client, IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD)));
    }

    /**
     * Opens self-registration until the returned handle is closed (tests share one server, whose default, closed,
     * the others rely on).
     */
    public static OpenRegistration openRegistration(ApiClient client) {
        setRegistration(client, true);
        return () -> setRegistration(client, false);
    }

    /** Registration held open; closing it closes registration again. */
    @FunctionalInterface
    public interface OpenRegistration extends AutoCloseable {
        @Override
        void close();
    }

    private static void setRegistration(ApiClient client, boolean open) {
        ApiClient.Response changed =
                client.put("/api/v1/admin/settings", Map.of("registrationOpen", open), admin(client));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    /** Creates a project owned by {@code owner}; returns its id. */
    public static UUID createProject(ApiClient client, User owner, String name) {
        ApiClient.Response created = client.post("/api/v1/projects", Map.of("name", name), owner.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }
}
