package dev.edgeforge.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.deploy.DeployableModel;
import dev.edgeforge.api.deploy.StoredModels;
import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.app.testing.OwnedProject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Issue #10, item 5: every change to a project's keys, members, invites and settings, and every download, logged. */
@IntegrationTest
class AuditLogIT extends OwnedProject {

    @Autowired
    StoredModels models;

    AuditLogIT() {
        super("audited", "Audited");
    }

    private JsonNode newest(int limit) {
        ApiClient.Response log = client.get(base + "/audit?limit=" + limit, owner.auth());
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        return log.json();
    }

    private List<String> actions() {
        return newest(200)
                .path("items")
                .valueStream()
                .map(e -> e.path("action").asString())
                .toList();
    }

    private JsonNode latest() {
        return newest(1).path("items").get(0);
    }

    @Test
    void keysMembersInvitesAndSettingsAreLoggedWithWhoDidIt() {
        ApiClient.Response key = client.post(
                base + "/api-keys", Map.of("name", "device 12", "scopes", List.of("ingest", "admin")), owner.auth());
        JsonNode created = latest();
        assertThat(created.path("action").asString()).isEqualTo("api-key.created");
        assertThat(created.path("target").asString()).isEqualTo("api-key/" + key.text("id"));
        assertThat(created.path("summary").asString())
                .isEqualTo("API key \u201cdevice 12\u201d created with scope admin, ingest");
        assertThat(created.path("actor").path("kind").asString()).isEqualTo("user");
        assertThat(created.path("actor").path("id").asString())
                .isEqualTo(owner.id().toString());
        assertThat(created.path("actor").path("name").asString()).isEqualTo(owner.email());
        assertThat(created.path("details").path("scopes").valueStream().map(JsonNode::asString))
                .containsExactly("admin", "ingest");
        assertThat(newest(200).toString()).doesNotContain(key.text("key"));

        // an admin-scope key acts too, and is named as the actor
        Auth asKey = Auth.apiKey(key.text("key"));
        ApiClient.Response hmac = client.post(base + "/hmac-keys", Map.of("name", "fleet"), asKey);
        JsonNode byKey = latest();
        assertThat(byKey.path("action").asString()).isEqualTo("hmac-key.created");
        assertThat(byKey.path("actor").path("kind").asString()).isEqualTo("api-key");
        assertThat(byKey.path("actor").path("name").asString()).isEqualTo("API key \u201cdevice 12\u201d");
        assertThat(newest(200).toString()).doesNotContain(hmac.text("secret"));
        client.delete(base + "/hmac-keys/" + hmac.text("id"), owner.auth());
        assertThat(latest().path("summary").asString()).isEqualTo("HMAC key \u201cfleet\u201d deleted");

        TestUsers.User colleague = TestUsers.register(client, "colleague");
        client.post(base + "/members", Map.of("email", colleague.email(), "role", "member"), owner.auth());
        assertThat(latest().path("summary").asString()).isEqualTo(colleague.email() + " added as member");
        client.patch(base + "/members/" + colleague.id(), Map.of("role", "admin"), owner.auth());
        assertThat(latest().path("summary").asString()).isEqualTo(colleague.email() + " is now admin (was member)");
        assertThat(latest().path("details").path("from").asString()).isEqualTo("member");
        client.delete(base + "/members/" + colleague.id(), owner.auth());
        assertThat(latest().path("summary").asString()).isEqualTo(colleague.email() + " was removed (was admin)");

        String email = "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@it.edgeforge.test";
        ApiClient.Response invite =
                client.post(base + "/invites", Map.of("email", email, "role", "viewer"), owner.auth());
        assertThat(latest().path("action").asString()).isEqualTo("invite.created");
        assertThat(newest(200).toString()).doesNotContain(invite.text("link"));
        String token = invite.text("link").substring(invite.text("link").lastIndexOf('/') + 1);
        client.post("/api/v1/invites/" + token + "/accept", Map.of("password", "invitee-password"), Auth.none());
        JsonNode joined = latest();
        assertThat(joined.path("action").asString()).isEqualTo("member.added");
        assertThat(joined.path("actor").path("name").asString())
                .as("the invitee acted")
                .isEqualTo(email);
        assertThat(joined.path("summary").asString()).isEqualTo(email + " joined as viewer through an invite");
        ApiClient.Response revokedInvite =
                client.post(base + "/invites", Map.of("email", "never-" + email, "role", "member"), owner.auth());
        client.delete(base + "/invites/" + revokedInvite.text("id"), owner.auth());
        assertThat(latest().path("action").asString()).isEqualTo("invite.revoked");

        client.patch(base, Map.of("name", "Audited again", "requireSignedData", true), owner.auth());
        client.patch(base, Map.of("description", "same name, new words"), owner.auth());
        client.delete(base + "/api-keys/" + key.text("id"), owner.auth());

        assertThat(actions())
                .containsExactly(
                        "api-key.revoked",
                        "project.settings-changed",
                        "project.settings-changed",
                        "project.renamed",
                        "invite.revoked",
                        "invite.created",
                        "member.added",
                        "invite.accepted",
                        "invite.created",
                        "member.removed",
                        "member.role-changed",
                        "member.added",
                        "hmac-key.revoked",
                        "hmac-key.created",
                        "api-key.created");
        JsonNode log = newest(200).path("items");
        assertThat(log.get(2).path("summary").asString()).isEqualTo("Settings changed: require signed data on");
        assertThat(log.get(2)
                        .path("details")
                        .path("requireSignedData")
                        .path("to")
                        .asBoolean())
                .isTrue();
        assertThat(log.get(3).path("summary").asString())
                .isEqualTo("Project renamed from \u201cAudited\u201d to \u201cAudited again\u201d");
    }

    @Test
    void refusedChangesLeaveNoEntry() {
        int before = actions().size();
        ApiClient.Response lastOwner = client.delete(base + "/members/" + owner.id(), owner.auth());
        assertThat(lastOwner.status()).isEqualTo(409);
        ApiClient.Response unchanged = client.patch(base, Map.of("name", "Audited"), owner.auth());
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(actions()).hasSize(before);
    }

    @Test
    void pagesGoFromNewestToOldest() {
        for (int i = 0; i < 5; i++) {
            client.post(base + "/hmac-keys", Map.of("name", "key " + i), owner.auth());
        }
        JsonNode first = newest(2);
        assertThat(first.path("items").valueStream().map(e -> e.path("summary").asString()))
                .containsExactly("HMAC key \u201ckey 4\u201d created", "HMAC key \u201ckey 3\u201d created");
        long next = first.path("next").asLong();
        JsonNode second =
                client.get(base + "/audit?limit=2&before=" + next, owner.auth()).json();
        assertThat(second.path("items").valueStream().map(e -> e.path("summary").asString()))
                .containsExactly("HMAC key \u201ckey 2\u201d created", "HMAC key \u201ckey 1\u201d created");
        JsonNode last = client.get(
                        base + "/audit?limit=2&before=" + second.path("next").asLong(), owner.auth())
                .json();
        assertThat(last.path("items").size()).isEqualTo(1);
        assertThat(last.path("next").isNull()).isTrue();

        ApiClient.Response tooMany = client.get(base + "/audit?limit=1000", owner.auth());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("errors").get(0).path("field").asString())
                .isEqualTo("limit");
    }

    @Test
    void onlyProjectAdminsReadTheLog() {
        TestUsers.User member = TestUsers.register(client, "member");
        TestUsers.User stranger = TestUsers.register(client, "stranger");
        client.post(base + "/members", Map.of("email", member.email(), "role", "member"), owner.auth());
        ApiClient.Response asMember = client.get(base + "/audit", member.auth());
        assertThat(asMember.status()).isEqualTo(403);
        assertThat(client.get(base + "/audit", stranger.auth()).status()).isEqualTo(404);
        assertThat(client.get(base + "/audit", Auth.none()).status()).isEqualTo(401);
        String readKey = client.post(
                        base + "/api-keys", Map.of("name", "reader", "scopes", List.of("read")), owner.auth())
                .text("key");
        assertThat(client.get(base + "/audit", Auth.apiKey(readKey)).status()).isEqualTo(403);
    }

    @Test
    void downloadingADeploymentIsLogged() throws Exception {
        DeployableModel model = models.registerTinyClassifier(projectId, "gestures");
        ApiClient.Response deployment = client.post(
                base + "/deployments",
                Map.of(
                        "modelId",
                        model.modelId().toString(),
                        "variant",
                        "int8",
                        "target",
                        "nucleo-f446re",
                        "format",
                        "c-library"),
                owner.auth());
        assertThat(deployment.status()).as(deployment.body()).isEqualTo(202);
        String id = deployment.text("id");
        awaitReady(id);

        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + base + "/deployments/" + id + "/download"))
                                .header("Authorization", "Bearer " + owner.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);

        JsonNode entry = latest();
        assertThat(entry.path("action").asString()).isEqualTo("deployment.downloaded");
        assertThat(entry.path("target").asString()).isEqualTo("deployment/" + id);
        assertThat(entry.path("summary").asString())
                .isEqualTo("Deployment of \u201cgestures\u201d for nucleo-f446re (c-library) downloaded");
        assertThat(entry.path("actor").path("name").asString()).isEqualTo(owner.email());
    }

    private void awaitReady(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = client.get(base + "/deployments/" + id, owner.auth()).text("state");
            if (state.equals("ready")) {
                return;
            }
            assertThat(state).isIn("queued", "building");
            Thread.sleep(500);
        }
        throw new AssertionError("deployment " + id + " is still " + state);
    }
}
