package dev.edgeforge.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A signed-in browser without a browser: session cookie, pages as HTML, forms posted with their CSRF token. */
public final class BrowserSession {

    private static final List<String> HTML = List.of("Accept", "text/html");

    private final ApiClient client;
    private String csrf;

    private BrowserSession(ApiClient client) {
        this.client = client;
    }

    /** A browser that has not signed in. */
    public static BrowserSession anonymous(int port) {
        return new BrowserSession(ApiClient.withCookies(port));
    }

    public static BrowserSession signIn(int port, String email, String password) {
        BrowserSession session = new BrowserSession(ApiClient.withCookies(port));
        session.page("/login");
        ApiClient.Response login = session.submit("/login", "email", email, "password", password);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location").orElse("")).doesNotContain("error");
        return session;
    }

    /** GETs a page and remembers its CSRF token for the next form. */
    public ApiClient.Response page(String path) {
        ApiClient.Response page = client.send("GET", path, null, ApiClient.Auth.none(), HTML);
        if (page.status() == 200 && page.body().contains("name=\"_csrf\"")) {
            csrf = CsrfTokens.fromForm(page.body());
        }
        return page;
    }

    /** POSTs a form (field, value, field, value, ...) with the CSRF token of the last page. */
    public ApiClient.Response submit(String path, String... fields) {
        List<String> pairs = new ArrayList<>(List.of(fields));
        pairs.add("_csrf");
        pairs.add(csrf);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.size(); i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
        }
        return client.send(
                "POST",
                path,
                body.toString(),
                ApiClient.Auth.none(),
                List.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"));
    }

    /** Follows a redirect answer to its page. */
    public ApiClient.Response follow(ApiClient.Response redirect) {
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        return page(redirect.header("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
    }
}
