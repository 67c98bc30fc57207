package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.BrowserSession;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.core.format.ei.EiAcquisitionReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The REST upload and the sample resource against the real server, PostgreSQL and filesystem object store: batches
 * with good and bad files, duplicates, sidecars and ZIPs, the size limit before the body, paging, filters, edits,
 * raw bytes, plot data, and who may do what.
 */
@IntegrationTest
class SampleUploadIT {

    @LocalServerPort
    int port;

    TestProject project;

    @BeforeEach
    void setUp() {
        project = TestProject.create(port, "Uploads");
    }

    @Test
    void aBatchKeepsItsGoodFilesAndNamesEachBadOne() {
        ApiClient.Response response = project.http.multipart(
                project.base + "/samples?category=testing",
                project.auth(),
                SampleHttp.Part.file("idle.01.json", SampleFiles.eiJson(1, 50)),
                SampleHttp.Part.file("walk.csv", SampleFiles.csv(40, 20)),
                SampleHttp.Part.file("broken.csv", SampleFiles.text("timestamp,x,y\n0,1,2\n20,3\n")),
                SampleHttp.Part.file("beep.wav", SampleFiles.wav(8000, 500, 100, 300)),
                SampleHttp.Part.file("notes.txt", SampleFiles.text("just words")),
                SampleHttp.Part.file("cup.1.png", SampleFiles.png(32, 24)),
                SampleHttp.Part.file("bad.json", SampleFiles.text("{\"protected\": {\"ver\": \"v1\"")),
                SampleHttp.Part.file("tap.cbor", SampleFiles.eiCbor(2, 20)));

        assertThat(response.status()).isEqualTo(207);
        JsonNode files = response.json().get("files");
        assertThat(files.size()).isEqualTo(8);
        Map<String, JsonNode> byName = new HashMap<>();
        files.forEach(f -> byName.put(f.get("fileName").asString(), f));
        for (String good : List.of("idle.01.json", "walk.csv", "beep.wav", "cup.1.png", "tap.cbor")) {
            assertThat(byName.get(good).get("success").asBoolean())
                    .as(good + ": " + byName.get(good))
                    .isTrue();
            assertThat(byName.get(good).get("id").asString()).isNotBlank();
        }
        JsonNode broken = byName.get("broken.csv");
        assertThat(broken.get("success").asBoolean()).isFalse();
        assertThat(broken.get("error").asString()).startsWith("broken.csv: ").contains("row");
        assertThat(broken.get("code").asString()).isEqualTo("sample-malformed");
        assertThat(byName.get("notes.txt").get("error").asString()).startsWith("notes.txt: ");
        assertThat(byName.get("notes.txt").get("code").asString()).isEqualTo("sample-unsupported");
        assertThat(byName.get("bad.json").get("error").asString()).startsWith("bad.json: ");

        List<JsonNode> listed = project.listAll("");
        assertThat(listed).hasSize(5);
        Map<String, JsonNode> samples = new HashMap<>();
        listed.forEach(s -> samples.put(s.get("name").asString(), s));
        assertThat(samples.keySet()).containsExactlyInAnyOrder("idle.01", "walk", "beep", "cup.1", "tap");

        JsonNode idle = samples.get("idle.01");
        assertThat(idle.get("label").asString()).isEqualTo("idle");
        assertThat(idle.get("category").asString()).isEqualTo("testing");
        assertThat(idle.get("format").asString()).isEqualTo("json");
        assertThat(idle.get("sensors").get(0).get("name").asString()).isEqualTo("accX");
        assertThat(idle.get("sensors").get(0).get("units").asString()).isEqualTo("m/s2");
        assertThat(idle.get("intervalMs").asDouble()).isEqualTo(10);
        assertThat(idle.get("frequencyHz").asDouble()).isEqualTo(100);
        assertThat(idle.get("length").asInt()).isEqualTo(50);
        assertThat(idle.get("durationMs").asDouble()).isEqualTo(500);
        assertThat(idle.get("deviceName").asString()).isEqualTo("dev-1");
        assertThat(idle.get("deviceType").asString()).isEqualTo("TEST_BOARD");
        assertThat(idle.get("signature").asString()).isEqualTo("unsigned");
        assertThat(idle.get("sha256").asString()).hasSize(64);

        JsonNode walk = samples.get("walk");
        assertThat(walk.get("format").asString()).isEqualTo("csv");
        assertThat(walk.get("length").asInt()).isEqualTo(40);
        assertThat(walk.get("intervalMs").asDouble()).isEqualTo(20);

        JsonNode beep = samples.get("beep");
        assertThat(beep.get("format").asString()).isEqualTo("wav");
        assertThat(beep.get("audio").asBoolean()).isTrue();
        assertThat(beep.get("frequencyHz").asDouble()).isEqualTo(8000);
        assertThat(beep.get("length").asInt()).isEqualTo(4000);

        JsonNode cup = samples.get("cup.1");
        assertThat(cup.get("label").asString()).isEqualTo("cup");
        assertThat(cup.get("image").get("width").asInt()).isEqualTo(32);
        assertThat(cup.get("image").get("height").asInt()).isEqualTo(24);
        assertThat(cup.get("image").get("channels").asInt()).isEqualTo(3);
        assertThat(cup.get("durationMs").asDouble()).isZero();

        assertThat(samples.get("tap").get("format").asString()).isEqualTo("cbor");
    }

    @Test
    void photosInBmpGifWebpAndCmykJpegAreStoredAsSentAndTiffIsRefusedByName() throws IOException {
        Map<String, byte[]> photos = new HashMap<>();
        for (String name : List.of("photo.bmp", "animated.gif", "transparent.webp", "cmyk.jpg")) {
            try (InputStream in = SampleUploadIT.class.getResourceAsStream("/images/" + name)) {
                photos.put(name, in.readAllBytes());
            }
        }
        ApiClient.Response response = project.http.multipart(
                project.base + "/samples",
                project.auth(),
                SampleHttp.Part.file("photo.bmp", photos.get("photo.bmp")),
                SampleHttp.Part.file("animated.gif", photos.get("animated.gif")),
                SampleHttp.Part.file("transparent.webp", photos.get("transparent.webp")),
                SampleHttp.Part.file("cmyk.jpg", photos.get("cmyk.jpg")),
                SampleHttp.Part.file("scan.tif", new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0}));

        assertThat(response.status()).as(response.body()).isEqualTo(207);
        Map<String, JsonNode> byName = new HashMap<>();
        response.json().get("files").forEach(f -> byName.put(f.get("fileName").asString(), f));
        JsonNode tiff = byName.get("scan.tif");
        assertThat(tiff.get("code").asString()).isEqualTo("sample-unsupported");
        assertThat(tiff.get("error").asString()).contains("a TIFF image, which EdgeForge does not read yet");
        Map<String, String> types = Map.of(
                "photo.bmp", "image/bmp",
                "animated.gif", "image/gif",
                "transparent.webp", "image/webp",
                "cmyk.jpg", "image/jpeg");
        Map<String, String> formats =
                Map.of("photo.bmp", "bmp", "animated.gif", "gif", "transparent.webp", "webp", "cmyk.jpg", "jpeg");
        Map<String, List<Integer>> sizes = Map.of(
                "photo.bmp", List.of(6, 4, 3),
                "animated.gif", List.of(6, 4, 4),
                "transparent.webp", List.of(6, 4, 4),
                "cmyk.jpg", List.of(8, 8, 3));
        for (String name : types.keySet()) {
            JsonNode file = byName.get(name);
            assertThat(file.get("success").asBoolean()).as(name + ": " + file).isTrue();
            String id = file.get("id").asString();
            JsonNode sample = project.client
                    .get(project.base + "/samples/" + id, project.auth())
                    .json();
            assertThat(sample.get("format").asString()).as(name).isEqualTo(formats.get(name));
            JsonNode image = sample.get("image");
            assertThat(List.of(
                            image.get("width").asInt(),
                            image.get("height").asInt(),
                            image.get("channels").asInt()))
                    .as(name)
                    .isEqualTo(sizes.get(name));
            SampleHttp.Binary raw = project.http.get(project.base + "/samples/" + id + "/raw", project.auth());
            assertThat(raw.contentType()).as(name).startsWith(types.get(name));
            assertThat(raw.body()).as(name + " kept as sent").isEqualTo(photos.get(name));
        }
    }

    @Test
    void rawBytesComeBackAsUploadedAndDataIsReadyToPlot() {
        byte[] json = SampleFiles.eiJson(3, 300);
        UUID id = project.uploadOne("", "shake.json", json);

        SampleHttp.Binary raw = project.http.get(project.base + "/samples/" + id + "/raw", project.auth());
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.contentType()).startsWith("application/json");
        assertThat(raw.body()).isEqualTo(json);
        assertThat(raw.headers().firstValue("Content-Disposition").orElse("")).contains("shake.json");

        float[][] expected =
                EiAcquisitionReader.read(json, Optional.empty()).data().values();
        ApiClient.Response all = project.client.get(project.base + "/samples/" + id + "/data", project.auth());
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().get("downsampled").asBoolean()).isFalse();
        assertThat(all.json().get("timesMs").size()).isEqualTo(300);
        assertThat(all.json().get("timesMs").get(299).asDouble()).isEqualTo(2990);
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < 300; i += 37) {
                assertThat(all.json().get("values").get(a).get(i).floatValue()).isEqualTo(expected[a][i]);
            }
        }

        ApiClient.Response coarse =
                project.client.get(project.base + "/samples/" + id + "/data?maxPoints=40", project.auth());
        assertThat(coarse.json().get("downsampled").asBoolean()).isTrue();
        assertThat(coarse.json().get("timesMs").size()).isLessThanOrEqualTo(40);
        float max = Float.NEGATIVE_INFINITY;
        for (float v : expected[0]) {
            max = Math.max(max, v);
        }
        float coarseMax = Float.NEGATIVE_INFINITY;
        for (JsonNode v : coarse.json().get("values").get(0)) {
            coarseMax = Math.max(coarseMax, v.floatValue());
        }
        assertThat(coarseMax).as("the peak survives downsampling").isEqualTo(max);

        ApiClient.Response zoomed =
                project.client.get(project.base + "/samples/" + id + "/data?startMs=1000&endMs=1500", project.auth());
        assertThat(zoomed.json().get("timesMs").size()).isEqualTo(50);
        assertThat(zoomed.json().get("timesMs").get(0).asDouble()).isEqualTo(1000);
        assertThat(zoomed.json().get("values").get(1).get(0).floatValue()).isEqualTo(expected[1][100]);
    }

    @Test
    void duplicatesAreRefusedOnlyWhenAsked() {
        byte[] json = SampleFiles.eiJson(4, 30);
        project.uploadOne("", "idle.a.json", json);
        ApiClient.Response refused = project.http.multipart(
                project.base + "/samples?disallowDuplicates=true",
                project.auth(),
                SampleHttp.Part.file("idle.b.json", json),
                SampleHttp.Part.file("idle.c.json", SampleFiles.eiJson(5, 30)));
        assertThat(refused.status()).isEqualTo(207);
        JsonNode results = refused.json().get("files");
        assertThat(results.get(0).get("success").asBoolean()).isFalse();
        assertThat(results.get(0).get("code").asString()).isEqualTo("duplicate-sample");
        assertThat(results.get(0).get("error").asString()).contains("idle.a");
        assertThat(results.get(1).get("success").asBoolean()).isTrue();

        project.uploadOne("", "idle.d.json", json);
        assertThat(project.listAll("").stream()
                        .filter(s -> s.get("sha256")
                                .asString()
                                .equals(project.listAll("?name=idle.a")
                                        .get(0)
                                        .get("sha256")
                                        .asString())))
                .hasSize(2);
    }

    @Test
    void labelsSidecarsAndZipArchivesLabelTheirFiles() throws IOException {
        String infoLabels = """
                {"version": 1, "files": [
                  {"path": "training/one.json", "name": "first", "category": "testing",
                   "label": {"type": "label", "label": "wave"}, "metadata": {"site": "lab"}},
                  {"path": "training/two.json", "category": "training", "label": {"type": "unlabeled"}}
                ]}""";
        JsonNode results = project.upload(
                "?label=ignored",
                SampleHttp.Part.file("one.json", SampleFiles.eiJson(10, 20)),
                SampleHttp.Part.file("info.labels", SampleFiles.text(infoLabels)),
                SampleHttp.Part.file("two.json", SampleFiles.eiJson(11, 20)));
        assertThat(results.get(1).get("success").asBoolean()).isTrue();
        JsonNode first = project.sample(UUID.fromString(results.get(0).get("id").asString()));
        assertThat(first.get("name").asString()).isEqualTo("first");
        assertThat(first.get("label").asString()).isEqualTo("wave");
        assertThat(first.get("category").asString()).isEqualTo("testing");
        assertThat(first.get("metadata").get("site").asString()).isEqualTo("lab");
        JsonNode second =
                project.sample(UUID.fromString(results.get(2).get("id").asString()));
        assertThat(second.get("label").isNull()).isTrue();

        String boxes = """
                {"version": 1, "type": "bounding-box-labels", "boundingBoxes": {
                  "cups.png": [{"label": "cup", "x": 2, "y": 3, "width": 10, "height": 8}]}}""";
        ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipBytes)) {
            zip.putNextEntry(new ZipEntry("images/cups.png"));
            zip.write(SampleFiles.png(40, 30));
            zip.putNextEntry(new ZipEntry("images/bounding_boxes.labels"));
            zip.write(SampleFiles.text(boxes));
            zip.putNextEntry(new ZipEntry("__MACOSX/images/._cups.png"));
            zip.write(new byte[] {1, 2, 3});
        }
        JsonNode fromZip =
                project.upload("?category=training", SampleHttp.Part.file("images.zip", zipBytes.toByteArray()));
        assertThat(fromZip.size()).isEqualTo(2);
        assertThat(fromZip.get(0).get("fileName").asString()).isEqualTo("images/cups.png");
        JsonNode cups = project.sample(UUID.fromString(fromZip.get(0).get("id").asString()));
        assertThat(cups.get("boundingBoxes").get(0).get("label").asString()).isEqualTo("cup");
        assertThat(cups.get("boundingBoxes").get(0).get("width").asInt()).isEqualTo(10);
        assertThat(cups.get("label").asString()).isEqualTo("cups");
    }

    @Test
    void anUploadDeclaringMoreThanTheLimitGets413BeforeItsBodyIsSent() throws IOException {
        String key = project.apiKey("ingest");
        for (String[] request : List.of(
                new String[] {
                    project.base + "/samples",
                    "multipart/form-data; boundary=x",
                    "Authorization",
                    "Bearer " + project.owner.token()
                },
                new String[] {"/api/training/data", "application/json", "x-api-key", key},
                new String[] {"/api/training/files", "multipart/form-data; boundary=x", "x-api-key", key})) {
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + request[0] + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + request[1] + "\r\n"
                                + request[2] + ": " + request[3] + "\r\nContent-Length: 10737418240\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // not one byte of the 10 GB body is sent: the answer must come anyway
                String answer = new String(readAnswer(socket.getInputStream()), StandardCharsets.UTF_8);
                assertThat(answer).as(request[0]).startsWith("HTTP/1.1 413");
                assertThat(answer).contains("application/problem+json").contains("upload-too-large");
            }
        }
        assertThat(project.listAll("")).isEmpty();
    }

    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            answer.write(buffer, 0, read);
            String text = answer.toString(StandardCharsets.UTF_8);
            if (text.contains("\r\n\r\n") && text.contains("}")) {
                break;
            }
        }
        return answer.toByteArray();
    }

    @Test
    void keysetPagesCoverEverySampleOnceAndFiltersNarrowThem() {
        List<SampleHttp.Part> parts = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String label = i % 3 == 0 ? "wave" : i % 3 == 1 ? "idle" : "snake";
            parts.add(SampleHttp.Part.file(label + "." + i + ".json", SampleFiles.eiJson(100 + i, 10)));
        }
        project.upload("?category=training", parts.toArray(SampleHttp.Part[]::new));
        project.upload(
                "?category=testing&label=wave", SampleHttp.Part.file("Extra.Wave.json", SampleFiles.eiJson(200, 10)));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiClient.Response page = project.client.get(
                    project.base + "/samples?limit=5" + (cursor == null ? "" : "&cursor=" + cursor), project.auth());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().get("items").size()).isLessThanOrEqualTo(5);
            page.json().get("items").forEach(s -> paged.add(s.get("id").asString()));
            cursor = page.json().get("next").isNull()
                    ? null
                    : page.json().get("next").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(5);
        assertThat(paged).hasSize(24).doesNotHaveDuplicates();
        List<JsonNode> all = project.listAll("");
        assertThat(all.stream().map(s -> s.get("id").asString()).toList()).isEqualTo(paged);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i - 1)
                            .get("createdAt")
                            .asString()
                            .compareTo(all.get(i).get("createdAt").asString()))
                    .as("newest first")
                    .isGreaterThanOrEqualTo(0);
        }

        assertThat(project.listAll("?label=wave")).hasSize(9);
        assertThat(project.listAll("?label=wave&category=training")).hasSize(8);
        assertThat(project.listAll("?category=testing")).hasSize(1);
        assertThat(project.listAll("?name=EXTRA")).hasSize(1);
        assertThat(project.listAll("?name=.1"))
                .extracting(s -> s.get("name").asString())
                .allMatch(n -> n.contains(".1"));
        assertThat(project.listAll("?device=dev-105")).hasSize(1);
        assertThat(project.listAll("?device=TEST_BOARD")).hasSize(24);

        // a page asked for with a filter pages within the filter
        ApiClient.Response first = project.client.get(project.base + "/samples?label=idle&limit=4", project.auth());
        String next = first.json().get("next").asString();
        ApiClient.Response second =
                project.client.get(project.base + "/samples?label=idle&limit=4&cursor=" + next, project.auth());
        Set<String> seen = new HashSet<>();
        first.json().get("items").forEach(s -> seen.add(s.get("id").asString()));
        second.json()
                .get("items")
                .forEach(s -> assertThat(seen.add(s.get("id").asString())).isTrue());
        assertThat(seen).hasSize(8);

        UUID someId = UUID.fromString(all.get(3).get("id").asString());
        assertThat(project.client
                        .patch(project.base + "/samples/" + someId, Map.of("enabled", false), project.auth())
                        .status())
                .isEqualTo(200);
        assertThat(project.listAll("?enabled=false"))
                .extracting(s -> s.get("id").asString())
                .containsExactly(someId.toString());
        assertThat(project.listAll("?enabled=true")).hasSize(23);

        assertThat(project.client
                        .get(project.base + "/samples?limit=1001", project.auth())
                        .status())
                .isEqualTo(400);
        ApiClient.Response badCursor = project.client.get(project.base + "/samples?cursor=nonsense", project.auth());
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.text("code")).isEqualTo("invalid-sample-request");
    }

    @Test
    void patchChangesNameLabelCategoryAndEnabledAndDeleteRemoves() {
        UUID id = project.uploadOne("", "idle.7.json", SampleFiles.eiJson(7, 10));
        String path = project.base + "/samples/" + id;

        ApiClient.Response patched = project.client.patch(
                path,
                Map.of("name", " renamed ", "label", "wave", "category", "testing", "enabled", false),
                project.auth());
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.text("name")).isEqualTo("renamed");
        assertThat(patched.text("label")).isEqualTo("wave");
        assertThat(patched.text("category")).isEqualTo("testing");
        assertThat(patched.json().get("enabled").asBoolean()).isFalse();

        Map<String, Object> clear = new HashMap<>();
        clear.put("label", null);
        ApiClient.Response cleared = project.client.patch(path, clear, project.auth());
        assertThat(cleared.json().get("label").isNull()).isTrue();
        assertThat(cleared.text("name")).isEqualTo("renamed");
        assertThat(project.sample(id).get("label").isNull()).isTrue();

        ApiClient.Response badCategory = project.client.patch(path, Map.of("category", "validation"), project.auth());
        assertThat(badCategory.status()).isEqualTo(400);
        assertThat(badCategory.json().get("errors").get(0).get("field").asString())
                .isEqualTo("category");
        assertThat(project.client
                        .patch(path, Map.of("colour", "red"), project.auth())
                        .status())
                .isEqualTo(400);
        assertThat(project.client
                        .patch(path, Map.of("name", ""), project.auth())
                        .status())
                .isEqualTo(400);

        assertThat(project.client.delete(path, project.auth()).status()).isEqualTo(204);
        ApiClient.Response gone = project.client.get(path, project.auth());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.text("code")).isEqualTo("sample-not-found");
        assertThat(project.client.delete(path, project.auth()).status()).isEqualTo(404);
    }

    @Test
    void viewersReadButDoNotChangeAndOtherProjectsSeeNothing() {
        UUID id = project.uploadOne("", "idle.1.json", SampleFiles.eiJson(8, 10));
        String path = project.base + "/samples/" + id;
        TestUsers.User viewer = project.member("viewer");

        assertThat(project.client.get(path, viewer.auth()).status()).isEqualTo(200);
        assertThat(project.client.get(project.base + "/samples", viewer.auth()).status())
                .isEqualTo(200);
        assertThat(project.http.get(path + "/raw", viewer.auth()).status()).isEqualTo(200);
        assertThat(project.client
                        .patch(path, Map.of("label", "x"), viewer.auth())
                        .status())
                .isEqualTo(403);
        assertThat(project.client.delete(path, viewer.auth()).status()).isEqualTo(403);
        assertThat(project.client
                        .post(path + "/crop", Map.of("startMs", 0, "endMs", 50), viewer.auth())
                        .status())
                .isEqualTo(403);
        assertThat(project.client
                        .post(
                                project.base + "/samples/bulk",
                                Map.of("ids", List.of(id), "action", "delete"),
                                viewer.auth())
                        .status())
                .isEqualTo(403);
        assertThat(project.http
                        .multipart(
                                project.base + "/samples",
                                viewer.auth(),
                                SampleHttp.Part.file("a.json", SampleFiles.eiJson(9, 10)))
                        .status())
                .isEqualTo(403);

        String readKey = project.apiKey("read");
        assertThat(project.client.get(path, Auth.apiKey(readKey)).status()).isEqualTo(200);
        assertThat(project.http
                        .multipart(
                                project.base + "/samples",
                                Auth.apiKey(readKey),
                                SampleHttp.Part.file("a.json", SampleFiles.eiJson(9, 10)))
                        .status())
                .isEqualTo(403);
        String ingestKey = project.apiKey("ingest");
        assertThat(project.http
                        .multipart(
                                project.base + "/samples",
                                Auth.apiKey(ingestKey),
                                SampleHttp.Part.file("a.json", SampleFiles.eiJson(9, 10)))
                        .status())
                .isEqualTo(200);
        assertThat(project.client
                        .patch(path, Map.of("label", "x"), Auth.apiKey(ingestKey))
                        .status())
                .isEqualTo(403);

        TestProject other = TestProject.create(port, "Other");
        String otherKey = other.apiKey("admin");
        ApiClient.Response foreign = project.client.get(path, Auth.apiKey(otherKey));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.text("code")).isEqualTo("project-not-found");
        assertThat(project.http
                        .multipart(
                                project.base + "/samples",
                                Auth.apiKey(otherKey),
                                SampleHttp.Part.file("a.json", SampleFiles.eiJson(9, 10)))
                        .status())
                .isEqualTo(404);
        assertThat(project.client.get(path, other.auth()).status()).isEqualTo(404);
        // the sample id under another project is not found either
        assertThat(other.client.get(other.base + "/samples/" + id, other.auth()).status())
                .isEqualTo(404);
        assertThat(project.client.get(path, Auth.none()).status()).isEqualTo(401);
        assertThat(project.client.get(path, Auth.apiKey("ef_not_a_key")).status())
                .isEqualTo(401);

        // the pages: viewers see the data without the upload and edit controls; strangers see nothing
        BrowserSession viewerPages = BrowserSession.signIn(port, viewer.email(), viewer.password());
        ApiClient.Response list = viewerPages.page("/projects/" + project.id + "/data");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains("sample-table")
                .doesNotContain("upload-card")
                .doesNotContain("bulk-bar");
        ApiClient.Response one = viewerPages.page("/projects/" + project.id + "/data/samples/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).contains("idle.1").doesNotContain("edit-form");
        assertThat(viewerPages.page("/projects/" + project.id + "/data/dataset").body())
                .contains("version-table")
                .doesNotContain("version-form");
        assertThat(viewerPages
                        .page("/projects/" + project.id + "/data/samples/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);
        BrowserSession ownerPages = BrowserSession.signIn(port, project.owner.email(), project.owner.password());
        assertThat(ownerPages.page("/projects/" + project.id + "/data").body()).contains("upload-card");
        BrowserSession strangerPages = BrowserSession.signIn(port, other.owner.email(), other.owner.password());
        assertThat(strangerPages.page("/projects/" + project.id + "/data").status())
                .isEqualTo(404);
    }
}
