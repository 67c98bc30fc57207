package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.infra.storage.ObjectStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Per-project storage quotas: only platform administrators set them, usage counts each distinct content once, an
 * upload (REST, ZIP, Edge Impulse {@code /data}) or a split that would pass the quota is refused with 413 before
 * anything is stored, deleting frees quota at once, and two uploads at the same time cannot pass it together.
 */
@IntegrationTest
class StorageQuotaIT {

    @LocalServerPort
    int port;

    @Autowired
    ObjectStore objects;

    TestProject project;
    Auth admin;

    @BeforeEach
    void setUp() {
        project = TestProject.create(port, "Quota");
        admin = Auth.bearer(
                TestUsers.login(project.client, IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD));
    }

    private JsonNode storage() {
        ApiClient.Response response = project.client.get(project.base + "/storage", project.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private ApiClient.Response setQuota(Object quotaBytes, Auth auth) {
        Map<String, Object> body = new HashMap<>();
        body.put("quotaBytes", quotaBytes);
        return project.client.put("/api/v1/admin/projects/" + project.id + "/quota", body, auth);
    }

    private long objectCount() {
        try (Stream<?> stored = objects.list("projects/" + project.id + "/samples/")) {
            return stored.count();
        }
    }

    @Test
    void administratorsSetQuotasAndOthersCannot() {
        byte[] first = SampleFiles.eiJson(1, 100);
        project.uploadOne("", "idle.1.json", first);
        project.uploadOne("", "idle.copy.json", first); // the same content counts once
        assertThat(storage().get("usedBytes").asLong()).isEqualTo(first.length);
        assertThat(storage().get("quotaBytes").isNull()).isTrue();

        ApiClient.Response byOwner = setQuota(1000, project.auth());
        assertThat(byOwner.status()).isEqualTo(403);
        assertThat(byOwner.text("code")).isEqualTo("admin-required");
        assertThat(project.client.get("/api/v1/admin/projects", project.auth()).status())
                .isEqualTo(403);
        assertThat(setQuota(1000, Auth.apiKey(project.apiKey("admin"))).status())
                .isEqualTo(403);

        ApiClient.Response set = setQuota(50_000, admin);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("quotaBytes").asLong()).isEqualTo(50_000);
        assertThat(set.json().get("usedBytes").asLong()).isEqualTo(first.length);
        assertThat(storage().get("quotaBytes").asLong()).isEqualTo(50_000);

        ApiClient.Response listed = project.client.get("/api/v1/admin/projects", admin);
        assertThat(listed.status()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode p : listed.json()) {
            if (p.get("projectId").asString().equals(project.id.toString())) {
                mine = p;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("name").asString()).isEqualTo("Quota");
        assertThat(mine.get("usedBytes").asLong()).isEqualTo(first.length);
        assertThat(mine.get("quotaBytes").asLong()).isEqualTo(50_000);

        for (Object bad : List.of(-1, 1.5, "lots", true)) {
            ApiClient.Response refused = setQuota(bad, admin);
            assertThat(refused.status()).as(String.valueOf(bad)).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("quotaBytes");
        }
        ApiClient.Response misspelt =
                project.client.put("/api/v1/admin/projects/" + project.id + "/quota", Map.of("quota", 5), admin);
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(project.client
                        .put("/api/v1/admin/projects/" + UUID.randomUUID() + "/quota", Map.of("quotaBytes", 5), admin)
                        .status())
                .isEqualTo(404);
        assertThat(storage().get("quotaBytes").asLong())
                .as("unchanged by refused requests")
                .isEqualTo(50_000);

        ApiClient.Response removed = setQuota(null, admin);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("quotaBytes").isNull()).isTrue();
    }

    @Test
    void anUploadPastTheQuotaIsRefusedWholeBeforeAnythingIsStored() {
        byte[] first = SampleFiles.eiJson(2, 200);
        UUID firstId = project.uploadOne("", "idle.1.json", first);
        long quota = first.length + 3000;
        assertThat(setQuota(quota, admin).status()).isEqualTo(200);

        byte[] small = SampleFiles.eiJson(3, 5);
        byte[] large = SampleFiles.eiJson(4, 300);
        assertThat(small.length).isLessThan(3000);
        ApiClient.Response refused = project.http.multipart(
                project.base + "/samples",
                project.auth(),
                SampleHttp.Part.file("idle.2.json", small),
                SampleHttp.Part.file("idle.3.json", large));
        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.text("code")).isEqualTo("storage-quota-exceeded");
        assertThat(refused.text("detail"))
                .startsWith("Project storage quota of " + ByteSizes.describe(quota) + " reached: "
                        + ByteSizes.describe(first.length) + " used")
                .contains("nothing of it was stored");
        assertThat(project.listAll("")).hasSize(1);
        assertThat(objectCount()).isEqualTo(1);

        // inside a ZIP too, and through the Edge Impulse ingestion API
        ApiClient.Response zipped = project.http.multipart(
                project.base + "/samples",
                project.auth(),
                SampleHttp.Part.file("more.zip", ZipFiles.zip(Map.of("idle.3.json", large))));
        assertThat(zipped.status()).isEqualTo(413);
        ApiClient.Response device = project.http.send(
                "POST",
                "/api/training/data",
                large,
                Auth.apiKey(project.apiKey("ingest")),
                List.of("Content-Type", "application/json"));
        assertThat(device.status()).isEqualTo(413);
        assertThat(device.text("code")).isEqualTo("storage-quota-exceeded");

        // content the project already holds adds nothing; what fits is stored
        project.uploadOne("", "idle.again.json", first);
        project.uploadOne("", "idle.2.json", small);
        assertThat(storage().get("usedBytes").asLong()).isEqualTo(first.length + small.length);

        // deleting frees the quota at once
        ApiClient.Response split = project.client.post(
                project.base + "/samples/" + firstId + "/split",
                Map.of("mode", "fixed", "lengthMs", 100, "keepOriginal", true),
                project.auth());
        assertThat(split.status())
                .as("a split that keeps the original adds its segments")
                .isEqualTo(413);
        project.listAll("")
                .forEach(s -> project.client.delete(
                        project.base + "/samples/" + s.get("id").asString(), project.auth()));
        assertThat(storage().get("usedBytes").asLong()).isZero();
        project.uploadOne("", "idle.3.json", large);
    }

    @Test
    void twoUploadsAtOnceCannotPassTheQuotaTogether() {
        byte[] a = SampleFiles.eiJson(5, 300);
        byte[] b = SampleFiles.eiJson(6, 300);
        long quota = a.length + b.length / 2; // either fits alone, not both
        assertThat(setQuota(quota, admin).status()).isEqualTo(200);
        for (int round = 0; round < 5; round++) {
            byte[] x = SampleFiles.eiJson(1000 + round, 300);
            byte[] y = SampleFiles.eiJson(2000 + round, 300);
            CompletableFuture<ApiClient.Response> first = CompletableFuture.supplyAsync(() -> project.http.multipart(
                    project.base + "/samples", project.auth(), SampleHttp.Part.file("x.json", x)));
            CompletableFuture<ApiClient.Response> second = CompletableFuture.supplyAsync(() -> project.http.multipart(
                    project.base + "/samples", project.auth(), SampleHttp.Part.file("y.json", y)));
            List<ApiClient.Response> answers = List.of(first.join(), second.join());
            long stored = answers.stream().filter(r -> r.status() == 200).count();
            assertThat(stored).as(answers.toString()).isEqualTo(1);
            // the loser was refused before storing (413) or, had both passed the first check, at its insert: then
            // its only data file was not stored, which the upload answers with 400 (#18)
            ApiClient.Response loser =
                    answers.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
            assertThat(loser.status()).isIn(400, 413);
            assertThat(loser.body()).contains("storage-quota-exceeded");
            assertThat(storage().get("usedBytes").asLong()).isLessThanOrEqualTo(quota);
            project.listAll("")
                    .forEach(s -> project.client.delete(
                            project.base + "/samples/" + s.get("id").asString(), project.auth()));
        }
    }
}
