package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A fresh project with its owner, and the calls the sample tests make on it. */
final class TestProject {

    final ApiClient client;
    final SampleHttp http;
    final TestUsers.User owner;
    final UUID id;
    final String base;

    private TestProject(int port, String name) {
        client = ApiClient.stateless(port);
        http = new SampleHttp(port);
        owner = TestUsers.register(client, "samples");
        id = TestUsers.createProject(client, owner, name);
        base = "/api/v1/projects/" + id;
    }

    static TestProject create(int port, String name) {
        return new TestProject(port, name);
    }

    ApiClient.Auth auth() {
        return owner.auth();
    }

    String apiKey(String... scopes) {
        ApiClient.Response created = client.post(
                base + "/api-keys",
                Map.of("name", "key " + String.join("+", scopes), "scopes", List.of(scopes)),
                owner.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("key");
    }

    String hmacKey(String name) {
        ApiClient.Response created = client.post(base + "/hmac-keys", Map.of("name", name), owner.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("secret");
    }

    TestUsers.User member(String role) {
        TestUsers.User user = TestUsers.register(client, role);
        ApiClient.Response added =
                client.post(base + "/members", Map.of("email", user.email(), "role", role), owner.auth());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return user;
    }

    /** Uploads files through the REST endpoint; asserts 200 (every file stored) and returns the results. */
    JsonNode upload(String query, SampleHttp.Part... parts) {
        ApiClient.Response response = http.multipart(base + "/samples" + query, auth(), parts);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("files");
    }

    /** Uploads one file; returns the new sample's id. */
    UUID uploadOne(String query, String fileName, byte[] bytes) {
        JsonNode files = upload(query, SampleHttp.Part.file(fileName, bytes));
        return UUID.fromString(files.get(0).get("id").asString());
    }

    JsonNode sample(UUID sampleId) {
        ApiClient.Response response = client.get(base + "/samples/" + sampleId, auth());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Every sample matching the query, following the cursor. */
    List<JsonNode> listAll(String query) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String sep = query.isEmpty() ? "?" : query + "&";
            ApiClient.Response page = client.get(
                    base + "/samples" + sep + "limit=1000" + (cursor == null ? "" : "&cursor=" + cursor), auth());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(all::add);
            JsonNode next = page.json().get("next");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return all;
    }
}
