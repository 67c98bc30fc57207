package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.infra.storage.ObjectStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17, teams sharing datasets: {@code POST .../dataset/imports} brings a dataset version of another project the
 * caller can read into this one, with names, labels and split, the samples pointing at the source's stored files (no
 * byte copied); 404 where the caller cannot read the source; the shared files outlive the source project's deletion
 * and the sweeper, and go once no row of any project points at them.
 */
@IntegrationTest
class DatasetImportIT {

    @LocalServerPort
    int port;

    @Autowired
    ObjectStore store;

    @Autowired
    OrphanSampleSweeper sweeper;

    @Test
    void aVersionComesInWithItsLabelsAndSplitSharingTheStoredFiles() {
        TestProject source = TestProject.create(port, "Team gestures");
        source.upload(
                "?category=training",
                SampleHttp.Part.file("idle.1.json", SampleFiles.eiJson(11, 40)),
                SampleHttp.Part.file("wave.1.json", SampleFiles.eiJson(12, 40)),
                SampleHttp.Part.file("wave.2.json", SampleFiles.eiJson(13, 40)));
        UUID testing = source.uploadOne("?category=testing", "idle.9.json", SampleFiles.eiJson(14, 40));
        ApiClient.Response version =
                source.client.post(source.base + "/dataset/versions", Map.of("name", "v1"), source.auth());
        assertThat(version.status()).as(version.body()).isEqualTo(201);
        String versionId = version.text("id");
        // changes after the version are not imported
        source.uploadOne("?category=training", "late.1.json", SampleFiles.eiJson(15, 40));
        source.client.patch(source.base + "/samples/" + testing, Map.of("label", "renamed"), source.auth());

        // a member of both projects imports into her own
        TestUsers.User member = source.member("viewer");
        UUID targetId = TestUsers.createProject(source.client, member, "My gestures");
        String target = "/api/v1/projects/" + targetId;
        ApiClient.Response imported = source.client.post(
                target + "/dataset/imports",
                Map.of("sourceProjectId", source.id, "versionId", versionId),
                member.auth());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode result = imported.json();
        assertThat(result.get("imported").asInt()).isEqualTo(4);
        assertThat(result.get("versionName").asString()).isEqualTo("v1");
        assertThat(result.at("/byCategory/training").asInt()).isEqualTo(3);
        assertThat(result.at("/byCategory/testing").asInt()).isEqualTo(1);
        assertThat(result.get("labels").valueStream().map(JsonNode::asString).toList())
                .containsExactly("idle", "wave");
        assertThat(result.get("missing").size()).isZero();

        List<JsonNode> sourceRows = source.listAll("");
        Map<String, String> shaByName = new TreeMap<>();
        sourceRows.forEach(
                s -> shaByName.put(s.get("name").asString(), s.get("sha256").asString()));
        ApiClient.Response page = source.client.get(target + "/samples?limit=100", member.auth());
        Map<String, String> rows = new TreeMap<>();
        for (JsonNode s : page.json().get("items")) {
            rows.put(
                    s.get("name").asString(),
                    s.get("category").asString() + "/" + s.get("label").asString());
            assertThat(s.get("sha256").asString())
                    .isEqualTo(shaByName.get(s.get("name").asString()));
            assertThat(s.get("id").asString())
                    .as("new rows")
                    .isNotIn(
                            sourceRows.stream().map(r -> r.get("id").asString()).toList());
        }
        assertThat(rows)
                .isEqualTo(Map.of(
                        "idle.1", "training/idle",
                        "wave.1", "training/wave",
                        "wave.2", "training/wave",
                        "idle.9", "testing/idle"));
        // no byte copied: nothing was stored under the new project
        assertThat(store.list("projects/" + targetId + "/").count()).isZero();
        UUID wave = UUID.fromString(page.json()
                .get("items")
                .valueStream()
                .filter(s -> s.get("name").asString().equals("wave.2"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString());
        byte[] waveBytes = SampleFiles.eiJson(13, 40);
        assertThat(source.http
                        .get(target + "/samples/" + wave + "/raw", member.auth())
                        .body())
                .isEqualTo(waveBytes);
        String waveKey = SampleStorage.objectKey(source.id, shaByName.get("wave.2"));

        // the source's owner deletes the sample, then the whole project: the file stays while the import uses it
        UUID sourceWave = UUID.fromString(sourceRows.stream()
                .filter(s -> s.get("name").asString().equals("wave.2"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString());
        assertThat(source.client
                        .delete(source.base + "/samples/" + sourceWave, source.auth())
                        .status())
                .isEqualTo(204);
        sweeper.sweep(Instant.now().plusSeconds(1));
        assertThat(store.exists(waveKey)).isTrue();
        assertThat(source.client.delete(source.base, source.auth()).status()).isEqualTo(204);
        assertThat(store.exists(waveKey)).as("kept by the project's deletion").isTrue();
        assertThat(store.exists(SampleStorage.objectKey(source.id, shaByName.get("late.1"))))
                .as("a file only the deleted project used")
                .isFalse();
        sweeper.sweep(Instant.now().plusSeconds(1));
        assertThat(source.http
                        .get(target + "/samples/" + wave + "/raw", member.auth())
                        .body())
                .isEqualTo(waveBytes);

        // once the importing project's row is gone too, the sweeper removes the file
        assertThat(source.client
                        .delete(target + "/samples/" + wave, member.auth())
                        .status())
                .isEqualTo(204);
        sweeper.sweep(Instant.now().plusSeconds(1));
        assertThat(store.exists(waveKey)).isFalse();
    }

    @Test
    void aSourceTheCallerCannotReadIsNotFound() {
        TestProject source = TestProject.create(port, "Private gestures");
        source.uploadOne("?category=training", "idle.1.json", SampleFiles.eiJson(21, 40));
        String versionId = source.client
                .post(source.base + "/dataset/versions", Map.of("name", "v1"), source.auth())
                .text("id");
        TestProject stranger = TestProject.create(port, "Stranger");

        ApiClient.Response refused = stranger.client.post(
                stranger.base + "/dataset/imports",
                Map.of("sourceProjectId", source.id, "versionId", versionId),
                stranger.auth());
        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refused.text("code")).isEqualTo("project-not-found");
        ApiClient.Response nowhere = stranger.client.post(
                stranger.base + "/dataset/imports",
                Map.of("sourceProjectId", UUID.randomUUID(), "versionId", versionId),
                stranger.auth());
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.text("code")).isEqualTo(refused.text("code"));

        // an API key of the stranger's project cannot read the source either
        String key = stranger.apiKey("admin");
        ApiClient.Response withKey = stranger.client.post(
                stranger.base + "/dataset/imports",
                Map.of("sourceProjectId", source.id, "versionId", versionId),
                ApiClient.Auth.apiKey(key));
        assertThat(withKey.status()).as(withKey.body()).isEqualTo(404);

        // a version of another project, and the project itself as the source
        ApiClient.Response ownVersion = source.client.post(
                source.base + "/dataset/imports",
                Map.of("sourceProjectId", source.id, "versionId", versionId),
                source.auth());
        assertThat(ownVersion.status()).isEqualTo(400);
        assertThat(ownVersion.json().at("/errors/0/field").asString()).isEqualTo("sourceProjectId");
        assertThat(stranger.listAll("")).isEmpty();
    }
}
