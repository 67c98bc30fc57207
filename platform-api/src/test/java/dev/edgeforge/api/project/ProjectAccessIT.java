package dev.edgeforge.api.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The access matrix of projects, members and keys, end to end over HTTP. */
@IntegrationTest
class ProjectAccessIT {

    @LocalServerPort
    int port;

    ApiClient client;
    User owner;
    UUID projectId;
    String base;

    @BeforeEach
    void setUp() {
        client = ApiClient.stateless(port);
        owner = TestUsers.register(client, "owner");
        projectId = TestUsers.createProject(client, owner, "Access matrix");
        base = "/api/v1/projects/" + projectId;
    }

    private User member(ProjectRole role) {
        User user = TestUsers.register(client, role.value());
        ApiClient.Response added =
                client.post(base + "/members", Map.of("email", user.email(), "role", role.value()), owner.auth());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return user;
    }

    private String apiKey(UUID project, User admin, String... scopes) {
        ApiClient.Response created = client.post(
                "/api/v1/projects/" + project + "/api-keys",
                Map.of("name", "key " + String.join("+", scopes), "scopes", List.of(scopes)),
                admin.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("key");
    }

    @Test
    void creatorOwnsTheProjectAndSeesItInTheList() {
        ApiClient.Response project = client.get(base, owner.auth());
        assertThat(project.status()).isEqualTo(200);
        assertThat(project.text("name")).isEqualTo("Access matrix");
        assertThat(project.text("role")).isEqualTo("owner");

        ApiClient.Response list = client.get("/api/v1/projects", owner.auth());
        assertThat(list.json().findValuesAsString("id")).containsExactly(projectId.toString());

        User stranger = TestUsers.register(client, "stranger");
        assertThat(client.get("/api/v1/projects", stranger.auth()).json().size())
                .isZero();
    }

    @Test
    void anonymousCallersGet401() {
        for (String path :
                List.of("/api/v1/projects", base, base + "/members", base + "/api-keys", base + "/hmac-keys")) {
            ApiClient.Response response = client.get(path, Auth.none());
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.text("code")).isEqualTo("authentication-required");
        }
    }

    @Test
    void nonMembersGet404AndNoData() {
        User stranger = TestUsers.register(client, "stranger");
        for (String path : List.of(base, base + "/members", base + "/api-keys", base + "/hmac-keys")) {
            ApiClient.Response response = client.get(path, stranger.auth());
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.text("code")).isEqualTo("project-not-found");
            assertThat(response.body()).doesNotContain("Access matrix");
        }
        // the answer for a project that does not exist at all is the same
        ApiClient.Response missing = client.get("/api/v1/projects/" + UUID.randomUUID(), stranger.auth());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("title"))
                .isEqualTo(client.get(base, stranger.auth()).text("title"));
        assertThat(client.patch(base, Map.of("name", "hijacked"), stranger.auth())
                        .status())
                .isEqualTo(404);
        assertThat(client.delete(base, stranger.auth()).status()).isEqualTo(404);
    }

    @Test
    void viewerReadsButCannotChange() {
        User viewer = member(ProjectRole.VIEWER);
        ApiClient.Response project = client.get(base, viewer.auth());
        assertThat(project.status()).isEqualTo(200);
        assertThat(project.text("role")).isEqualTo("viewer");
        assertThat(client.get(base + "/members", viewer.auth()).json().size()).isEqualTo(2);

        ApiClient.Response patch = client.patch(base, Map.of("name", "renamed"), viewer.auth());
        assertThat(patch.status()).isEqualTo(403);
        assertThat(patch.text("code")).isEqualTo("project-role-too-low");
        assertThat(patch.text("detail")).contains("viewer").contains("admin");
        assertThat(client.post(base + "/api-keys", Map.of("name", "k", "scopes", List.of("read")), viewer.auth())
                        .status())
                .isEqualTo(403);
        assertThat(client.get(base, owner.auth()).text("name")).isEqualTo("Access matrix");
    }

    @Test
    void adminRenamesButOnlyTheOwnerDeletes() {
        User admin = member(ProjectRole.ADMIN);
        ApiClient.Response renamed = client.patch(base, Map.of("name", "Renamed by admin"), admin.auth());
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("Renamed by admin");

        ApiClient.Response delete = client.delete(base, admin.auth());
        assertThat(delete.status()).isEqualTo(403);
        assertThat(delete.text("code")).isEqualTo("project-role-too-low");

        assertThat(client.delete(base, owner.auth()).status()).isEqualTo(204);
        assertThat(client.get(base, owner.auth()).status()).isEqualTo(404);
        assertThat(client.get(base, admin.auth()).status()).isEqualTo(404);
    }

    @Test
    void membersManagementKeepsTheOwnerRules() {
        User admin = member(ProjectRole.ADMIN);
        User member = member(ProjectRole.MEMBER);

        // admins manage non-owners
        ApiClient.Response promoted =
                client.patch(base + "/members/" + member.id(), Map.of("role", "viewer"), admin.auth());
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.text("role")).isEqualTo("viewer");

        // ...but cannot touch the owner role
        ApiClient.Response makeOwner =
                client.patch(base + "/members/" + member.id(), Map.of("role", "owner"), admin.auth());
        assertThat(makeOwner.status()).isEqualTo(403);
        assertThat(client.delete(base + "/members/" + owner.id(), admin.auth()).status())
                .isEqualTo(403);

        // the only owner cannot leave or step down
        ApiClient.Response leave = client.delete(base + "/members/" + owner.id(), owner.auth());
        assertThat(leave.status()).isEqualTo(409);
        assertThat(leave.text("code")).isEqualTo("last-owner");
        assertThat(client.patch(base + "/members/" + owner.id(), Map.of("role", "admin"), owner.auth())
                        .status())
                .isEqualTo(409);

        // with a second owner the first may step down
        assertThat(client.patch(base + "/members/" + admin.id(), Map.of("role", "owner"), owner.auth())
                        .status())
                .isEqualTo(200);
        assertThat(client.patch(base + "/members/" + owner.id(), Map.of("role", "member"), owner.auth())
                        .status())
                .isEqualTo(200);

        // anyone may leave
        assertThat(client.delete(base + "/members/" + member.id(), member.auth())
                        .status())
                .isEqualTo(204);
        assertThat(client.get(base, member.auth()).status()).isEqualTo(404);
    }

    @Test
    void addingMembersReportsUnknownEmailsAndDuplicates() {
        ApiClient.Response unknown = client.post(
                base + "/members",
                Map.of("email", "nobody-" + UUID.randomUUID() + "@it.edgeforge.test", "role", "member"),
                owner.auth());
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.text("code")).isEqualTo("user-not-registered");

        User user = member(ProjectRole.MEMBER);
        ApiClient.Response again =
                client.post(base + "/members", Map.of("email", user.email(), "role", "viewer"), owner.auth());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("member-exists");

        ApiClient.Response badRole =
                client.post(base + "/members", Map.of("email", user.email(), "role", "boss"), owner.auth());
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().path("errors").get(0).path("field").asString())
                .isEqualTo("role");
        assertThat(badRole.json().path("errors").get(0).path("message").asString())
                .contains("owner, admin, member, viewer");
    }

    @Test
    void apiKeysAreShownOnceStoredHashedAndWorkAsXApiKey() {
        ApiClient.Response created = client.post(
                base + "/api-keys", Map.of("name", "sensor 12", "scopes", List.of("read", "ingest")), owner.auth());
        assertThat(created.status()).isEqualTo(201);
        String key = created.text("key");
        assertThat(key).startsWith("ef_").hasSizeGreaterThan(40);
        assertThat(created.json().path("scopes").values())
                .extracting(n -> n.asString())
                .containsExactlyInAnyOrder("ingest", "read");

        ApiClient.Response list = client.get(base + "/api-keys", owner.auth());
        assertThat(list.json().size()).isEqualTo(1);
        assertThat(list.json().get(0).path("name").asString()).isEqualTo("sensor 12");
        assertThat(list.json().get(0).path("prefix").asString()).isEqualTo(key.substring(0, 9));
        assertThat(list.json().get(0).has("key")).isFalse();
        assertThat(list.body()).doesNotContain(key);

        ApiClient.Response asKey = client.get(base, Auth.apiKey(key));
        assertThat(asKey.status()).isEqualTo(200);
        assertThat(asKey.text("role")).isEqualTo("viewer");
        assertThat(client.get("/api/v1/projects", Auth.apiKey(key)).json().findValuesAsString("id"))
                .containsExactly(projectId.toString());

        assertThat(client.delete(base + "/api-keys/" + created.text("id"), owner.auth())
                        .status())
                .isEqualTo(204);
        ApiClient.Response revoked = client.get(base, Auth.apiKey(key));
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.text("code")).isEqualTo("invalid-credentials");
    }

    @Test
    void apiKeysStayInsideTheirProjectAndScopes() {
        String read = apiKey(projectId, owner, "read");
        String ingest = apiKey(projectId, owner, "ingest");
        String admin = apiKey(projectId, owner, "admin");

        User other = TestUsers.register(client, "other-owner");
        UUID otherProject = TestUsers.createProject(client, other, "Someone else's");
        for (String key : List.of(read, ingest, admin)) {
            ApiClient.Response foreign = client.get("/api/v1/projects/" + otherProject, Auth.apiKey(key));
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.body()).doesNotContain("Someone else's");
        }

        // read: GETs only
        assertThat(client.get(base + "/members", Auth.apiKey(read)).status()).isEqualTo(200);
        ApiClient.Response readPatch = client.patch(base, Map.of("name", "by key"), Auth.apiKey(read));
        assertThat(readPatch.status()).isEqualTo(403);
        assertThat(readPatch.text("code")).isEqualTo("api-key-scope-missing");

        // ingest: no reading
        ApiClient.Response ingestGet = client.get(base, Auth.apiKey(ingest));
        assertThat(ingestGet.status()).isEqualTo(403);
        assertThat(ingestGet.text("code")).isEqualTo("api-key-scope-missing");
        assertThat(ingestGet.text("detail")).contains("ingest").contains("read");
        assertThat(client.get("/api/v1/projects", Auth.apiKey(ingest)).json().size())
                .isZero();

        // admin: everything of the project an admin may do, but not the owner's powers
        assertThat(client.patch(base, Map.of("description", "set by key"), Auth.apiKey(admin))
                        .status())
                .isEqualTo(200);
        assertThat(client.post(base + "/hmac-keys", Map.of("name", "by key"), Auth.apiKey(admin))
                        .status())
                .isEqualTo(201);
        assertThat(client.delete(base, Auth.apiKey(admin)).status()).isEqualTo(403);

        // keys never act as a person
        ApiClient.Response tokens = client.post("/api/v1/tokens", Map.of("name", "x"), Auth.apiKey(admin));
        assertThat(tokens.status()).isEqualTo(403);
        assertThat(tokens.text("code")).isEqualTo("user-account-required");
        assertThat(client.post("/api/v1/projects", Map.of("name", "x"), Auth.apiKey(admin))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void unknownApiKeyIs401() {
        ApiClient.Response response = client.get(base, Auth.apiKey("ef_" + "A".repeat(43)));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text("code")).isEqualTo("invalid-credentials");
    }

    @Test
    void edgeImpulseIngestionPathsAuthenticateWithXApiKey() {
        String ingest = apiKey(projectId, owner, "ingest");
        for (String path :
                List.of("/api/training/files", "/api/testing/data", "/api/anomaly/files", "/api/split/files")) {
            assertThat(client.post(path, "{}", Auth.none()).status()).as(path).isEqualTo(401);
            assertThat(client.post(path, "{}", Auth.apiKey("ef_unknown")).status())
                    .as(path)
                    .isEqualTo(401);
            // authenticated: whatever the ingestion controller answers, it is not an authentication failure
            assertThat(client.post(path, "{}", Auth.apiKey(ingest)).status())
                    .as(path)
                    .isNotIn(401, 403);
        }
    }

    @Test
    void hmacSecretsAreShownToAdminsOnly() {
        ApiClient.Response created = client.post(base + "/hmac-keys", Map.of("name", "devices"), owner.auth());
        assertThat(created.status()).isEqualTo(201);
        String secret = created.text("secret");
        assertThat(secret).matches("[0-9a-f]{32}");

        User admin = member(ProjectRole.ADMIN);
        User viewer = member(ProjectRole.VIEWER);
        assertThat(client.get(base + "/hmac-keys", admin.auth())
                        .json()
                        .get(0)
                        .path("secret")
                        .asString())
                .isEqualTo(secret);
        ApiClient.Response asViewer = client.get(base + "/hmac-keys", viewer.auth());
        assertThat(asViewer.status()).isEqualTo(200);
        assertThat(asViewer.json().get(0).path("name").asString()).isEqualTo("devices");
        assertThat(asViewer.json().get(0).has("secret")).isFalse();
        assertThat(asViewer.body()).doesNotContain(secret);

        assertThat(client.delete(base + "/hmac-keys/" + created.text("id"), viewer.auth())
                        .status())
                .isEqualTo(403);
        assertThat(client.delete(base + "/hmac-keys/" + created.text("id"), admin.auth())
                        .status())
                .isEqualTo(204);
        assertThat(client.delete(base + "/hmac-keys/" + created.text("id"), admin.auth())
                        .status())
                .isEqualTo(404);
    }
}
