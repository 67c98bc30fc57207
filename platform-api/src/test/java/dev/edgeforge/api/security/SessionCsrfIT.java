package dev.edgeforge.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.CsrfTokens;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The browser session also reaches the API, but only with the page's CSRF token; header credentials need none. */
@IntegrationTest
class SessionCsrfIT {

    private static final List<String> HTML = List.of("Accept", "text/html");

    @LocalServerPort
    int port;

    @Test
    void sessionWritesToTheApiNeedTheCsrfToken() {
        TestUsers.User user = TestUsers.register(ApiClient.stateless(port), "csrf");
        ApiClient browser = ApiClient.withCookies(port);
        String loginCsrf = CsrfTokens.fromForm(
                browser.send("GET", "/login", null, Auth.none(), HTML).body());

        ApiClient.Response withoutToken = browser.send(
                "POST",
                "/login",
                "email=" + user.email() + "&password=" + user.password(),
                Auth.none(),
                List.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"));
        assertThat(withoutToken.status()).as("form login without CSRF token").isEqualTo(403);
        assertThat(withoutToken.body())
                .contains("CSRF token missing or invalid")
                .contains("reload the page");

        ApiClient.Response login = browser.send(
                "POST",
                "/login",
                "email=" + user.email() + "&password=" + user.password() + "&_csrf=" + loginCsrf,
                Auth.none(),
                List.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"));
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/projects"));

        // reads ride on the session
        ApiClient.Response me = browser.get("/api/v1/auth/me", Auth.none());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(user.email());

        // writes without the token are refused as a problem
        ApiClient.Response forged = browser.post("/api/v1/projects", Map.of("name", "forged"), Auth.none());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.text("code")).isEqualTo("csrf-token-invalid");

        String pageToken = CsrfTokens.fromMeta(
                browser.send("GET", "/projects", null, Auth.none(), HTML).body());
        ApiClient.Response created = browser.send(
                "POST",
                "/api/v1/projects",
                "{\"name\":\"from the page\"}",
                Auth.none(),
                List.of("X-CSRF-TOKEN", pageToken));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        // a bearer token needs no CSRF token, even when the session cookie rides along
        ApiClient.Response withBearer = browser.post("/api/v1/projects", Map.of("name", "by token"), user.auth());
        assertThat(withBearer.status()).isEqualTo(201);

        // logging out ends the session for the API as well
        String logoutToken = CsrfTokens.fromMeta(
                browser.send("GET", "/projects", null, Auth.none(), HTML).body());
        ApiClient.Response logout = browser.send(
                "POST",
                "/logout",
                "_csrf=" + logoutToken,
                Auth.none(),
                List.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"));
        assertThat(logout.status()).isEqualTo(302);
        assertThat(browser.get("/api/v1/auth/me", Auth.none()).status()).isEqualTo(401);
    }
}
