package dev.edgeforge.api.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.BrowserSession;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Invites over the API: with registration closed (the default), an invite link is how a newcomer gets an account,
 * and how an existing account joins a project without an admin typing it in.
 */
@IntegrationTest
class InviteIT {

    @LocalServerPort
    int port;

    ApiClient client;
    TestUsers.User owner;
    UUID projectId;
    String invites;

    @BeforeEach
    void setUp() {
        client = ApiClient.stateless(port);
        owner = TestUsers.register(client, "inviter");
        projectId = TestUsers.createProject(client, owner, "Invites");
        invites = "/api/v1/projects/" + projectId + "/invites";
    }

    private ApiClient.Response invite(String email, String role, Auth auth) {
        return client.post(invites, Map.of("email", email, "role", role), auth);
    }

    private static String token(ApiClient.Response created) {
        String link = created.text("link");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void aNewcomerGetsAnAccountThroughTheLinkWhileRegistrationIsClosed() {
        String email = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@it.edgeforge.test";
        ApiClient.Response created = invite("  " + email.toUpperCase() + " ", "member", owner.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("email")).isEqualTo(email);
        assertThat(created.text("link")).startsWith("http://localhost:" + port + "/invites/efi_");
        assertThat(Duration.between(Instant.parse(created.text("createdAt")), Instant.parse(created.text("expiresAt"))))
                .isEqualTo(Duration.ofDays(7));
        String token = token(created);

        ApiClient.Response listed = client.get(invites, owner.auth());
        assertThat(listed.json().size()).isEqualTo(1);
        assertThat(listed.json().get(0).path("status").asString()).isEqualTo("pending");
        assertThat(listed.body()).doesNotContain(token);

        ApiClient.Response details = client.get("/api/v1/invites/" + token, Auth.none());
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.text("projectName")).isEqualTo("Invites");
        assertThat(details.text("role")).isEqualTo("member");
        assertThat(details.json().path("accountExists").asBoolean()).isFalse();

        ApiClient.Response weak =
                client.post("/api/v1/invites/" + token + "/accept", Map.of("password", "short"), Auth.none());
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().path("errors").get(0).path("field").asString()).isEqualTo("password");

        ApiClient.Response accepted = client.post(
                "/api/v1/invites/" + token + "/accept",
                Map.of("password", "newcomer-password", "name", "Newcomer"),
                Auth.none());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("accountCreated").asBoolean()).isTrue();
        assertThat(accepted.text("projectId")).isEqualTo(projectId.toString());

        String newcomer = TestUsers.login(client, email, "newcomer-password");
        ApiClient.Response project = client.get("/api/v1/projects/" + projectId, Auth.bearer(newcomer));
        assertThat(project.status()).isEqualTo(200);
        assertThat(project.text("role")).isEqualTo("member");

        // one time only, and gone from the pending list
        ApiClient.Response again = client.post(
                "/api/v1/invites/" + token + "/accept", Map.of("password", "another-password"), Auth.none());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.text("code")).isEqualTo("invite-not-found");
        assertThat(client.get("/api/v1/invites/" + token, Auth.none()).status()).isEqualTo(404);
        assertThat(client.get(invites, owner.auth()).json().size()).isZero();
    }

    @Test
    void anExistingAccountMustBeSignedInAsTheInvitedEmail() {
        TestUsers.User invited = TestUsers.register(client, "invited");
        TestUsers.User someoneElse = TestUsers.register(client, "someone-else");
        ApiClient.Response created = invite(invited.email(), "viewer", owner.auth());
        String token = token(created);
        assertThat(client.get("/api/v1/invites/" + token, Auth.none())
                        .json()
                        .path("accountExists")
                        .asBoolean())
                .isTrue();

        ApiClient.Response anonymous = client.post(
                "/api/v1/invites/" + token + "/accept", Map.of("password", "trying-to-take-over"), Auth.none());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text("code")).isEqualTo("invite-sign-in-required");
        ApiClient.Response other = client.post("/api/v1/invites/" + token + "/accept", Map.of(), someoneElse.auth());
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.text("code")).isEqualTo("invite-for-another-account");
        assertThat(client.get("/api/v1/projects/" + projectId, someoneElse.auth())
                        .status())
                .isEqualTo(404);

        ApiClient.Response accepted = client.post("/api/v1/invites/" + token + "/accept", Map.of(), invited.auth());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("accountCreated").asBoolean()).isFalse();
        assertThat(client.get("/api/v1/projects/" + projectId, invited.auth()).text("role"))
                .isEqualTo("viewer");
        // the account's password did not change
        assertThat(TestUsers.login(client, invited.email(), invited.password())).isNotBlank();
    }

    @Test
    void theInvitePageSendsAnExistingAccountThroughTheSignInAndBack() {
        TestUsers.User invited = TestUsers.register(client, "page-invited");
        String token = token(invite(invited.email(), "member", owner.auth()));
        BrowserSession browser = BrowserSession.anonymous(port);

        ApiClient.Response offer = browser.page("/invites/" + token);
        assertThat(offer.status()).isEqualTo(200);
        assertThat(offer.body())
                .contains("Invites")
                .contains(invited.email())
                .contains("Sign in to join")
                .doesNotContain("invite-register-form");
        ApiClient.Response toSignIn = browser.page("/invites/" + token + "/join");
        assertThat(toSignIn.status()).isEqualTo(302);
        assertThat(toSignIn.header("Location").orElse("")).endsWith("/login");

        browser.page("/login");
        ApiClient.Response signedIn =
                browser.submit("/login", "email", invited.email(), "password", invited.password());
        assertThat(signedIn.header("Location").orElse("")).contains("/invites/" + token + "/join");
        assertThat(browser.page("/invites/" + token + "/join").body()).contains("invite-join-form");
        ApiClient.Response joined = browser.submit("/invites/" + token + "/join");
        assertThat(joined.status()).isEqualTo(302);
        assertThat(joined.header("Location").orElse("")).endsWith("/projects/" + projectId);
        assertThat(client.get("/api/v1/projects/" + projectId, invited.auth()).text("role"))
                .isEqualTo("member");

        ApiClient.Response used = browser.page("/invites/" + token);
        assertThat(used.status()).isEqualTo(404);
        assertThat(used.body()).contains("already used");
    }

    @Test
    void revokedAndReplacedLinksStopWorking() {
        String email = "revoked-" + UUID.randomUUID().toString().substring(0, 8) + "@it.edgeforge.test";
        ApiClient.Response first = invite(email, "member", owner.auth());
        ApiClient.Response second = invite(email, "admin", owner.auth());
        assertThat(client.get("/api/v1/invites/" + token(first), Auth.none()).status())
                .as("a new invite for the same email replaces the old one")
                .isEqualTo(404);
        JsonNode pending = client.get(invites, owner.auth()).json();
        assertThat(pending.size()).isEqualTo(1);
        assertThat(pending.get(0).path("role").asString()).isEqualTo("admin");

        assertThat(client.delete(invites + "/" + second.text("id"), owner.auth())
                        .status())
                .isEqualTo(204);
        assertThat(client.get("/api/v1/invites/" + token(second), Auth.none()).status())
                .isEqualTo(404);
        assertThat(client.post(
                                "/api/v1/invites/" + token(second) + "/accept",
                                Map.of("password", "long-enough"),
                                Auth.none())
                        .status())
                .isEqualTo(404);
        assertThat(client.delete(invites + "/" + second.text("id"), owner.auth())
                        .status())
                .isEqualTo(404);
        assertThat(client.get("/api/v1/invites/efi_never-issued", Auth.none()).status())
                .isEqualTo(404);
    }

    @Test
    void onlyAdminsInviteAndOnlyOwnersInviteOwners() {
        TestUsers.User member = TestUsers.register(client, "plain-member");
        TestUsers.User admin = TestUsers.register(client, "project-admin");
        client.post(
                "/api/v1/projects/" + projectId + "/members",
                Map.of("email", member.email(), "role", "member"),
                owner.auth());
        client.post(
                "/api/v1/projects/" + projectId + "/members",
                Map.of("email", admin.email(), "role", "admin"),
                owner.auth());

        ApiClient.Response byMember = invite("x@it.edgeforge.test", "viewer", member.auth());
        assertThat(byMember.status()).isEqualTo(403);
        assertThat(client.get(invites, member.auth()).status()).isEqualTo(403);
        ApiClient.Response ownerByAdmin = invite("x@it.edgeforge.test", "owner", admin.auth());
        assertThat(ownerByAdmin.status()).isEqualTo(403);
        assertThat(invite("x@it.edgeforge.test", "member", admin.auth()).status())
                .isEqualTo(201);

        ApiClient.Response alreadyIn = invite(member.email(), "admin", owner.auth());
        assertThat(alreadyIn.status()).isEqualTo(409);
        ApiClient.Response notAnEmail = invite("not-an-email", "member", owner.auth());
        assertThat(notAnEmail.status()).isEqualTo(400);
        assertThat(notAnEmail.json().path("errors").get(0).path("field").asString())
                .isEqualTo("email");
        TestUsers.User stranger = TestUsers.register(client, "stranger");
        assertThat(invite("y@it.edgeforge.test", "member", stranger.auth()).status())
                .isEqualTo(404);
    }
}
