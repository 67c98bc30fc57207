package dev.edgeforge.api.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import dev.edgeforge.infra.storage.ObjectInfo;
import dev.edgeforge.infra.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Deleting a project deletes its objects (samples, features, models, deployments) and no other project's. */
@IntegrationTest
class ProjectDeletionIT {

    @LocalServerPort
    int port;

    @Autowired
    ObjectStore store;

    @Test
    void deletingAProjectDeletesItsObjectsAndNoOthers() {
        ApiClient client = ApiClient.stateless(port);
        User owner = TestUsers.register(client, "owner");
        UUID doomed = TestUsers.createProject(client, owner, "Doomed");
        UUID kept = TestUsers.createProject(client, owner, "Kept");
        List<String> doomedKeys = objectsOf(doomed);
        List<String> keptKeys = objectsOf(kept);

        assertThat(client.delete("/api/v1/projects/" + doomed, owner.auth()).status())
                .isEqualTo(204);

        try (var left = store.list("projects/" + doomed + "/")) {
            assertThat(left.map(ObjectInfo::key).toList()).isEmpty();
        }
        assertThat(doomedKeys).noneMatch(store::exists);
        assertThat(keptKeys).allMatch(store::exists);
    }

    /** One object where each feature keeps its bytes, as the features write them. */
    private List<String> objectsOf(UUID projectId) {
        String root = "projects/" + projectId + "/";
        List<String> keys = List.of(
                root + "samples/" + "ab".repeat(32),
                root + "features/1/" + "cd".repeat(32),
                root + "models/" + UUID.randomUUID() + "/train-1/model-int8.tflite",
                root + "deployments/" + UUID.randomUUID() + "/bundle.zip");
        for (String key : keys) {
            store.put(key, key.getBytes(StandardCharsets.UTF_8));
        }
        return keys;
    }
}
