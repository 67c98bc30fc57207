package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.core.format.labels.InfoLabels;
import dev.edgeforge.core.format.labels.LabelsFiles;
import dev.edgeforge.infra.storage.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The dataset as a whole: the export imports back losslessly, versions are created, compared and restored, and the
 * orphan sweeper removes exactly the objects no row points at.
 */
@IntegrationTest
class DatasetIT {

    @LocalServerPort
    int port;

    @Autowired
    ObjectStore store;

    @Autowired
    OrphanSampleSweeper sweeper;

    TestProject project;

    @BeforeEach
    void setUp() {
        project = TestProject.create(port, "Dataset");
    }

    @Test
    void theExportImportsBackWithTheSameNamesLabelsCategoriesAndValues() throws IOException {
        project.upload(
                "?category=training",
                SampleHttp.Part.file("idle.1.json", SampleFiles.eiJson(1, 40)),
                SampleHttp.Part.file("idle.2.cbor", SampleFiles.eiCbor(2, 40)),
                SampleHttp.Part.file("walk.csv", SampleFiles.csv(30, 20)));
        project.upload(
                "?category=testing&label=wave",
                SampleHttp.Part.file("w.json", SampleFiles.eiJson(3, 40)),
                SampleHttp.Part.file("beep.wav", SampleFiles.wav(8000, 250, 50, 150)));
        project.upload("?category=anomaly&noLabel=true", SampleHttp.Part.file("odd.json", SampleFiles.eiJson(4, 40)));
        String boxes = """
                {"version": 1, "type": "bounding-box-labels", "boundingBoxes": {
                  "cups.png": [{"label": "cup", "x": 1, "y": 2, "width": 5, "height": 6}]}}""";
        project.upload(
                "?category=training",
                SampleHttp.Part.file("cups.png", SampleFiles.png(20, 16)),
                SampleHttp.Part.file("bounding_boxes.labels", SampleFiles.text(boxes)));
        // same name twice: the export must keep both apart
        project.upload("?category=training&label=idle", SampleHttp.Part.file("idle.1.json", SampleFiles.eiJson(5, 40)));
        UUID renamed =
                UUID.fromString(project.listAll("?name=walk").get(0).get("id").asString());
        project.client.patch(project.base + "/samples/" + renamed, Map.of("name", "walk/fast: 1"), project.auth());

        SampleHttp.Binary export = project.http.get(project.base + "/dataset/export", project.auth());
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/zip");
        assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
                .contains("Dataset-dataset.zip");
        Map<String, byte[]> entries = unzip(export.body());
        assertThat(entries).containsKey("info.labels");
        assertThat(entries.keySet())
                .anyMatch(k -> k.startsWith("training/"))
                .anyMatch(k -> k.startsWith("testing/"))
                .anyMatch(k -> k.startsWith("anomaly/"))
                .contains("training/cups.png");
        InfoLabels info = LabelsFiles.readInfoLabels(entries.get("info.labels"));
        assertThat(info.files()).hasSize(8);
        assertThat(info.files()).allSatisfy(f -> assertThat(entries).containsKey(f.path()));

        // import the ZIP as it is into a new project
        TestProject copy = TestProject.create(port, "Copy");
        JsonNode imported =
                copy.upload("?category=training", SampleHttp.Part.file("Dataset-dataset.zip", export.body()));
        assertThat(imported.size()).isEqualTo(9);
        assertSameDataset(project, copy);

        // and as loose files with the sidecar (base names only, as a browser sends them)
        TestProject loose = TestProject.create(port, "Loose");
        List<SampleHttp.Part> parts = new ArrayList<>();
        entries.forEach((path, bytes) -> parts.add(SampleHttp.Part.file(FileNames.baseName(path), bytes)));
        loose.upload("?category=training", parts.toArray(SampleHttp.Part[]::new));
        assertSameDataset(project, loose);
    }

    private void assertSameDataset(TestProject expected, TestProject actual) {
        Map<String, JsonNode> want = byNameAndContent(expected);
        Map<String, JsonNode> got = byNameAndContent(actual);
        assertThat(got.keySet()).isEqualTo(want.keySet());
        want.forEach((key, w) -> {
            JsonNode g = got.get(key);
            assertThat(g.get("label")).as(key).isEqualTo(w.get("label"));
            assertThat(g.get("category")).as(key).isEqualTo(w.get("category"));
            assertThat(g.get("metadata")).as(key).isEqualTo(w.get("metadata"));
            assertThat(g.get("boundingBoxes")).as(key).isEqualTo(w.get("boundingBoxes"));
            assertThat(g.get("sensors")).as(key).isEqualTo(w.get("sensors"));
            assertThat(g.get("intervalMs").asDouble())
                    .as(key)
                    .isEqualTo(w.get("intervalMs").asDouble());
            assertThat(g.get("length").asInt())
                    .as(key)
                    .isEqualTo(w.get("length").asInt());
            if (w.get("image").isNull()) {
                assertThat(values(actual, g)).as(key + " values").isEqualTo(values(expected, w));
            } else {
                assertThat(g.get("image")).isEqualTo(w.get("image"));
                assertThat(g.get("sha256"))
                        .as("images are exported as they are")
                        .isEqualTo(w.get("sha256"));
            }
        });
    }

    /** Samples by name plus the values' fingerprint, since two samples may share a name. */
    private Map<String, JsonNode> byNameAndContent(TestProject p) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode s : p.listAll("")) {
            String key = s.get("name").asString() + "#"
                    + (s.get("image").isNull() ? values(p, s).hashCode() : "img");
            assertThat(out.put(key, s)).as("unique " + key).isNull();
        }
        return out;
    }

    private static String values(TestProject p, JsonNode sample) {
        ApiClient.Response data =
                p.client.get(p.base + "/samples/" + sample.get("id").asString() + "/data?maxPoints=200000", p.auth());
        assertThat(data.status()).as(data.body()).isEqualTo(200);
        return data.json().get("values").toString();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                entries.put(entry.getName(), bytes.toByteArray());
            }
        }
        return entries;
    }

    @Test
    void versionsAreSnapshotsThatCanBeComparedAndRestored() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(project.uploadOne(
                    "?category=" + (i < 4 ? "training" : "testing"),
                    (i % 2 == 0 ? "idle." : "wave.") + i + ".json",
                    SampleFiles.eiJson(300 + i, 10)));
        }
        String versions = project.base + "/dataset/versions";
        ApiClient.Response v1 = project.client.post(versions, Map.of("name", "first cut"), project.auth());
        assertThat(v1.status()).as(v1.body()).isEqualTo(201);
        assertThat(v1.json().get("sampleCount").asInt()).isEqualTo(6);
        assertThat(v1.json().get("categories").get("training").asInt()).isEqualTo(4);
        assertThat(v1.json().get("labels").asInt()).isEqualTo(2);
        String v1Id = v1.text("id");
        assertThat(project.client
                        .post(versions, Map.of("name", "first cut"), project.auth())
                        .status())
                .isEqualTo(409);
        assertThat(project.client
                        .post(versions, Map.of("name", " "), project.auth())
                        .status())
                .isEqualTo(400);

        // change the dataset: relabel, move, disable, delete two, add one
        project.client.patch(project.base + "/samples/" + ids.get(0), Map.of("label", "rest"), project.auth());
        project.client.patch(
                project.base + "/samples/" + ids.get(1),
                Map.of("category", "testing", "name", "moved"),
                project.auth());
        project.client.patch(project.base + "/samples/" + ids.get(2), Map.of("enabled", false), project.auth());
        project.client.delete(project.base + "/samples/" + ids.get(3), project.auth());
        project.client.delete(project.base + "/samples/" + ids.get(4), project.auth());
        project.uploadOne("", "new.1.json", SampleFiles.eiJson(400, 10));

        ApiClient.Response compared =
                project.client.get(versions + "/" + v1Id + "/compare?with=current", project.auth());
        assertThat(compared.status()).as(compared.body()).isEqualTo(200);
        JsonNode c = compared.json();
        assertThat(c.get("left").get("samples").asInt()).isEqualTo(6);
        assertThat(c.get("right").get("name").asString()).isEqualTo("current");
        assertThat(c.get("right").get("samples").asInt()).isEqualTo(5);
        assertThat(c.get("added").asInt()).isEqualTo(1);
        assertThat(c.get("removed").asInt()).isEqualTo(2);
        assertThat(c.get("changed").asInt()).isEqualTo(3);
        assertThat(row(c, "idle", "training")).containsExactly(2, 1);
        assertThat(row(c, "rest", "training")).containsExactly(0, 1);
        assertThat(row(c, "wave", "training")).containsExactly(2, 0);
        assertThat(row(c, "wave", "testing")).containsExactly(1, 2);
        assertThat(row(c, "idle", "testing")).containsExactly(1, 0);
        assertThat(row(c, "new", "training")).containsExactly(0, 1);

        ApiClient.Response v2 = project.client.post(versions, Map.of("name", "second"), project.auth());
        ApiClient.Response v1v2 =
                project.client.get(versions + "/" + v1Id + "/compare?with=" + v2.text("id"), project.auth());
        assertThat(v1v2.json().get("right").get("name").asString()).isEqualTo("second");
        assertThat(v1v2.json().get("changed").asInt()).isEqualTo(3);
        ApiClient.Response listed = project.client.get(versions, project.auth());
        assertThat(listed.json().findValuesAsString("name")).containsExactly("second", "first cut");

        // sample 4's object is gone (as after a sweep); sample 3's is still stored
        store.delete(SampleStorage.objectKey(project.id, sha256Hex(SampleFiles.eiJson(304, 10))));

        ApiClient.Response restored = project.client.post(versions + "/" + v1Id + "/restore", Map.of(), project.auth());
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        JsonNode r = restored.json();
        assertThat(r.get("restored").asInt()).isEqualTo(3);
        assertThat(r.get("resurrected").findValuesAsString("id"))
                .containsExactly(ids.get(3).toString());
        assertThat(r.get("missing").findValuesAsString("id"))
                .containsExactly(ids.get(4).toString());
        assertThat(r.get("addedSince").asInt()).isEqualTo(1);
        assertThat(project.sample(ids.get(0)).get("label").asString()).isEqualTo("idle");
        assertThat(project.sample(ids.get(1)).get("category").asString()).isEqualTo("training");
        assertThat(project.sample(ids.get(1)).get("name").asString()).isEqualTo("wave.1");
        assertThat(project.sample(ids.get(2)).get("enabled").asBoolean()).isTrue();
        assertThat(project.sample(ids.get(3)).get("name").asString()).isEqualTo("wave.3");
        assertThat(project.http
                        .get(project.base + "/samples/" + ids.get(3) + "/raw", project.auth())
                        .body())
                .isEqualTo(SampleFiles.eiJson(303, 10));
        assertThat(project.client
                        .get(project.base + "/samples/" + ids.get(4), project.auth())
                        .status())
                .isEqualTo(404);

        assertThat(project.client
                        .get(versions + "/" + UUID.randomUUID() + "/compare", project.auth())
                        .status())
                .isEqualTo(404);
        TestUsers.User viewer = project.member("viewer");
        assertThat(project.client.get(versions, viewer.auth()).status()).isEqualTo(200);
        assertThat(project.client
                        .post(versions, Map.of("name", "x"), viewer.auth())
                        .status())
                .isEqualTo(403);
        assertThat(project.client
                        .post(versions + "/" + v1Id + "/restore", Map.of(), viewer.auth())
                        .status())
                .isEqualTo(403);
        TestProject other = TestProject.create(port, "Not yours");
        assertThat(other.client
                        .get(other.base + "/dataset/versions/" + v1Id + "/compare", other.auth())
                        .status())
                .isEqualTo(404);
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> row(JsonNode comparison, String label, String category) {
        for (JsonNode row : comparison.get("rows")) {
            if (label.equals(row.get("label").asString())
                    && category.equals(row.get("category").asString())) {
                return List.of(row.get("left").asInt(), row.get("right").asInt());
            }
        }
        return List.of(0, 0);
    }

    @Test
    void theSweeperRemovesOnlyObjectsNoRowPointsAt() {
        byte[] shared = SampleFiles.eiJson(500, 10);
        UUID a = project.uploadOne("", "a.json", shared);
        UUID b = project.uploadOne("", "b.json", shared);
        UUID c = project.uploadOne("", "c.json", SampleFiles.eiJson(501, 10));
        String sharedKey = SampleStorage.objectKey(
                project.id, project.sample(a).get("sha256").asString());
        String cKey = SampleStorage.objectKey(
                project.id, project.sample(c).get("sha256").asString());
        String stray = SampleStorage.objectKey(project.id, "ab".repeat(32));
        store.put(stray, new byte[] {1, 2, 3});
        // a folder no kind of object names is left alone while its project exists (models, deployments and
        // features without their row are swept too: OrphanObjectSweepIT)
        String elsewhere = "projects/" + project.id + "/not-a-known-kind/m1/model.tflite";
        store.put(elsewhere, new byte[] {4});

        project.client.delete(project.base + "/samples/" + a, project.auth());
        project.client.delete(project.base + "/samples/" + c, project.auth());

        // within the grace period nothing goes
        OrphanSampleSweeper.Sweep early = sweeper.sweep(Instant.now().minusSeconds(3600));
        assertThat(store.exists(cKey)).isTrue();
        assertThat(store.exists(stray)).isTrue();
        assertThat(early.deleted()).isZero();

        sweeper.sweep(Instant.now().plusSeconds(1));
        assertThat(store.exists(cKey)).as("deleted sample's object").isFalse();
        assertThat(store.exists(stray))
                .as("object of an upload that never got its row")
                .isFalse();
        assertThat(store.exists(sharedKey)).as("still used by sample b").isTrue();
        assertThat(store.exists(elsewhere)).as("not an object of a known kind").isTrue();
        assertThat(project.http
                        .get(project.base + "/samples/" + b + "/raw", project.auth())
                        .body())
                .isEqualTo(shared);

        // a project's deletion leaves its objects to the sweeper
        assertThat(project.client.delete(project.base, project.auth()).status()).isEqualTo(204);
        sweeper.sweep(Instant.now().plusSeconds(1));
        assertThat(store.exists(sharedKey)).isFalse();
    }
}
