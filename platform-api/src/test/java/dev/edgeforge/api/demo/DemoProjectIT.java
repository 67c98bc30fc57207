package dev.edgeforge.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/projects/demo}: a project the caller owns with the generated gestures, split by person, and a
 * saved impulse whose learning block carries its training settings.
 */
@IntegrationTest
class DemoProjectIT {

    @LocalServerPort
    int port;

    @Test
    void aDemoProjectHoldsGesturesOfEightPersonsSplitByPersonAndASavedImpulse() {
        ApiClient client = ApiClient.stateless(port);
        TestUsers.User user = TestUsers.register(client, "demo");

        ApiClient.Response created = client.post("/api/v1/projects/demo", Map.of(), user.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String projectId = created.text("id");
        assertThat(created.header("Location")).contains("/api/v1/projects/" + projectId);
        assertThat(created.text("name")).isEqualTo("Gesture demo");
        assertThat(created.text("role")).isEqualTo("owner");
        String base = "/api/v1/projects/" + projectId;

        ApiClient.Response page = client.get(base + "/samples?limit=1000", user.auth());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Map<String, Integer> byCategoryAndLabel = new TreeMap<>();
        Map<String, Set<String>> personsByCategory = new TreeMap<>();
        Set<String> contents = new HashSet<>();
        for (JsonNode sample : page.json().get("items")) {
            String category = sample.get("category").asString();
            byCategoryAndLabel.merge(category + "/" + sample.get("label").asString(), 1, Integer::sum);
            // names are <label>.p<person>.r<recording>
            String person = sample.get("name").asString().split("\\.")[1];
            personsByCategory.computeIfAbsent(category, c -> new HashSet<>()).add(person);
            contents.add(sample.get("sha256").asString());
        }
        assertThat(byCategoryAndLabel)
                .as("4 gestures x 3 recordings of 6 training and 2 test persons")
                .isEqualTo(Map.of(
                        "training/idle", 18,
                        "training/wave", 18,
                        "training/circle", 18,
                        "training/updown", 18,
                        "testing/idle", 6,
                        "testing/wave", 6,
                        "testing/circle", 6,
                        "testing/updown", 6));
        assertThat(personsByCategory.get("training"))
                .containsExactlyInAnyOrder("p00", "p01", "p02", "p03", "p04", "p05");
        assertThat(personsByCategory.get("testing")).containsExactlyInAnyOrder("p06", "p07");
        assertThat(contents).as("every recording differs (noise, persons)").hasSize(96);

        JsonNode impulse = client.get(base + "/impulse", user.auth()).json().get("impulse");
        assertThat(impulse.get("version").asInt()).as("saved, not a suggestion").isEqualTo(1);
        assertThat(impulse.at("/input/windowSizeMs").asInt()).isEqualTo(2000);
        JsonNode block = impulse.get("learningBlocks").get(0);
        assertThat(block.get("type").asString()).isEqualTo("classification");
        assertThat(block.at("/settings/layers").size()).isPositive();
        assertThat(block.at("/settings/hyperparameters/epochs").asInt()).isEqualTo(DemoImpulse.EPOCHS);

        ApiClient.Response list = client.get("/api/v1/projects", user.auth());
        List<String> ids =
                list.json().valueStream().map(p -> p.get("id").asString()).toList();
        assertThat(ids).contains(projectId);
    }

    @Test
    void onlySignedInPeopleCreateDemos() {
        ApiClient client = ApiClient.stateless(port);
        ApiClient.Response anonymous = client.post("/api/v1/projects/demo", Map.of(), ApiClient.Auth.none());
        assertThat(anonymous.status()).isEqualTo(401);
    }
}
