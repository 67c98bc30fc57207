package dev.edgeforge.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.BrowserSession;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every server-rendered page renders, and its plain HTML forms work (CSRF token included). */
@IntegrationTest
class PagesIT {

    @LocalServerPort
    int port;

    @Test
    void projectPagesAndTheirForms() {
        ApiClient api = ApiClient.stateless(port);
        TestUsers.User owner = TestUsers.register(api, "pages");
        TestUsers.User colleague = TestUsers.register(api, "colleague");
        BrowserSession browser = BrowserSession.signIn(port, owner.email(), owner.password());

        ApiClient.Response projects = browser.page("/projects");
        assertThat(projects.body()).contains("No projects yet");
        assertThat(projects.header("Content-Security-Policy"))
                .hasValueSatisfying(policy ->
                        assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'"));
        ApiClient.Response invalid = browser.submit("/projects", "name", " ", "description", "");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("must not be blank");

        ApiClient.Response dashboard = browser.follow(
                browser.submit("/projects", "name", "Pages & <forms>", "description", "Escaped, not injected"));
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body())
                .contains("Pages &amp; &lt;forms&gt;")
                .doesNotContain("<forms>")
                .contains("Your role: owner")
                .contains("Project settings")
                .contains("Delete project");
        UUID projectId = UUID.fromString(api.get("/api/v1/projects", owner.auth())
                .json()
                .get(0)
                .path("id")
                .asString());
        String base = "/projects/" + projectId;

        ApiClient.Response renamed =
                browser.follow(browser.submit(base + "/settings", "name", "Renamed", "description", "new"));
        assertThat(renamed.body()).contains("Project saved.").contains("Renamed");

        assertThat(browser.page(base + "/members").body())
                .contains(owner.email())
                .contains("Add a member");
        ApiClient.Response added =
                browser.follow(browser.submit(base + "/members", "email", colleague.email(), "role", "viewer"));
        assertThat(added.body()).contains(colleague.email() + " was added as viewer.");
        ApiClient.Response unknown =
                browser.follow(browser.submit(base + "/members", "email", "ghost@it.edgeforge.test", "role", "member"));
        assertThat(unknown.body()).contains("No account uses the email ghost@it.edgeforge.test");
        ApiClient.Response removed = browser.follow(browser.submit(base + "/members/" + colleague.id() + "/remove"));
        assertThat(removed.body()).contains("Member removed.").doesNotContain(colleague.email());

        assertThat(browser.page(base + "/keys").body())
                .contains("No API keys yet")
                .contains("create-api-key");
        ApiClient.Response hmac = browser.follow(browser.submit(base + "/hmac-keys", "name", "devices"));
        assertThat(hmac.body())
                .contains("HMAC key \u201cdevices\u201d created.")
                .containsPattern("[0-9a-f]{32}");

        assertThat(browser.page(base).body()).contains("id=\"count-hmac-keys\">1<");

        ApiClient.Response deleted = browser.follow(browser.submit(base + "/delete"));
        assertThat(deleted.body())
                .contains("Project \u201cRenamed\u201d deleted.")
                .contains("No projects yet");
        assertThat(browser.page(base).status()).isEqualTo(404);
    }

    @Test
    void viewersSeeNoManagementControlsAndNoSecrets() {
        ApiClient api = ApiClient.stateless(port);
        TestUsers.User owner = TestUsers.register(api, "owner");
        TestUsers.User viewer = TestUsers.register(api, "viewer");
        UUID projectId = TestUsers.createProject(api, owner, "Viewer check");
        api.post(
                "/api/v1/projects/" + projectId + "/members",
                Map.of("email", viewer.email(), "role", "viewer"),
                owner.auth());
        String secret = api.post("/api/v1/projects/" + projectId + "/hmac-keys", Map.of("name", "k"), owner.auth())
                .text("secret");

        BrowserSession browser = BrowserSession.signIn(port, viewer.email(), viewer.password());
        String base = "/projects/" + projectId;
        assertThat(browser.page(base).body())
                .contains("Your role: viewer")
                .doesNotContain("Project settings")
                .doesNotContain("Delete project");
        assertThat(browser.page(base + "/members").body()).doesNotContain("Add a member");
        assertThat(browser.page(base + "/keys").body()).doesNotContain("id=\"create-api-key\"");
        assertThat(browser.page(base + "/hmac-keys").body())
                .doesNotContain(secret)
                .contains("hidden");

        ApiClient.Response forbidden = browser.submit(base + "/hmac-keys", "name", "sneaky");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Project role does not allow this");
    }

    @Test
    void personalTokenPageShowsANewTokenOnce() {
        TestUsers.User user = TestUsers.register(ApiClient.stateless(port), "tokens");
        BrowserSession browser = BrowserSession.signIn(port, user.email(), user.password());

        // the login token TestUsers signed in with is listed too
        assertThat(browser.page("/account/tokens").body())
                .contains("API sign-in from")
                .contains("sign-in")
                .doesNotContain("<strong>laptop</strong>");
        ApiClient.Response created =
                browser.follow(browser.submit("/account/tokens", "name", "laptop", "expiresInDays", "30"));
        assertThat(created.body())
                .contains("Token &ldquo;<span>laptop</span>&rdquo; created")
                .containsPattern("efp_[\\w-]{43}");
        ApiClient.Response again = browser.page("/account/tokens");
        assertThat(again.body()).contains("laptop").doesNotContainPattern("efp_[\\w-]{43}");
    }

    @Test
    void administratorOpensAndClosesRegistrationAndCreatesAccounts() {
        TestUsers.User user = TestUsers.register(ApiClient.stateless(port), "plain");
        BrowserSession plain = BrowserSession.signIn(port, user.email(), user.password());
        assertThat(plain.page("/admin/settings").status()).isEqualTo(403);
        assertThat(BrowserSession.anonymous(port).page("/register").body())
                .contains("does not accept new accounts")
                .doesNotContain("register-form");

        BrowserSession admin = BrowserSession.signIn(port, IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
        ApiClient.Response settings = admin.page("/admin/settings");
        assertThat(settings.body()).contains("Open registration").contains(user.email());
        try {
            ApiClient.Response opened = admin.follow(admin.submit("/admin/settings", "registrationOpen", "true"));
            assertThat(opened.body()).contains("Registration is open").contains("Close registration");
            assertThat(BrowserSession.anonymous(port).page("/register").body()).contains("register-form");
        } finally {
            admin.page("/admin/settings");
            admin.submit("/admin/settings", "registrationOpen", "false");
        }
        assertThat(BrowserSession.anonymous(port).page("/register").body()).doesNotContain("register-form");

        String email = "made-by-admin-" + System.nanoTime() + "@it.edgeforge.test";
        admin.page("/admin/settings");
        ApiClient.Response created = admin.follow(
                admin.submit("/admin/accounts", "email", email, "name", "Made", "password", "initial-password"));
        assertThat(created.body()).contains("Account " + email + " created");
        assertThat(BrowserSession.signIn(port, email, "initial-password")
                        .page("/projects")
                        .status())
                .isEqualTo(200);
    }
}
