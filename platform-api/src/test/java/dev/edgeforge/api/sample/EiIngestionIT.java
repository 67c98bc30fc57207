package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.IntegrationTest;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The Edge Impulse-compatible ingestion endpoints as a device or script calls them: {@code x-api-key} only, the
 * {@code x-*} headers, Edge Impulse's answer shapes, HMAC signatures, and the deterministic training/testing split.
 */
@IntegrationTest
class EiIngestionIT {

    @LocalServerPort
    int port;

    TestProject project;
    String key;
    Auth auth;

    @BeforeEach
    void setUp() {
        project = TestProject.create(port, "Devices");
        key = project.apiKey("ingest");
        auth = Auth.apiKey(key);
    }

    private ApiClient.Response files(String category, List<String> headers, SampleHttp.Part... parts) {
        return project.http.multipart("/api/" + category + "/files", auth, headers, parts);
    }

    private ApiClient.Response data(String category, byte[] body, String contentType, String... headers) {
        List<String> all = new ArrayList<>(List.of("Content-Type", contentType));
        all.addAll(List.of(headers));
        return project.http.send("POST", "/api/" + category + "/data", body, auth, all);
    }

    @Test
    void filesEndpointAnswersPerFileAsEdgeImpulseDoes() {
        ApiClient.Response response = files(
                "training",
                List.of("x-label", "wave"),
                SampleHttp.Part.file("data", "a.json", SampleFiles.eiJson(1, 20)),
                SampleHttp.Part.file("data", "b.wav", SampleFiles.wav(8000, 200, 0, 100)),
                SampleHttp.Part.file("data", "c.csv", SampleFiles.text("x,y\n1,2\n3\n")));
        assertThat(response.status())
                .as("issue #18: 200 only when every file was stored; some were: 207")
                .isEqualTo(207);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("files").size()).isEqualTo(3);
        assertThat(body.get("files").get(0).get("success").asBoolean()).isTrue();
        assertThat(body.get("files").get(0).get("fileName").asString()).isEqualTo("a.json");
        assertThat(body.get("files").get(2).get("success").asBoolean()).isFalse();
        assertThat(body.get("files").get(2).get("error").asString()).startsWith("c.csv: ");

        List<JsonNode> samples = project.listAll("");
        assertThat(samples).hasSize(2).allSatisfy(s -> {
            assertThat(s.get("label").asString()).isEqualTo("wave");
            assertThat(s.get("category").asString()).isEqualTo("training");
        });

        ApiClient.Response allGood =
                files("anomaly", List.of(), SampleHttp.Part.file("data", "idle.01.json", SampleFiles.eiJson(2, 20)));
        assertThat(allGood.json().get("success").asBoolean()).isTrue();
        JsonNode idle = project.sample(
                UUID.fromString(allGood.json().get("files").get(0).get("id").asString()));
        assertThat(idle.get("label").asString())
                .as("inferred from the file name")
                .isEqualTo("idle");
        assertThat(idle.get("name").asString()).isEqualTo("idle.01");
        assertThat(idle.get("category").asString()).isEqualTo("anomaly");

        ApiClient.Response allBad =
                files("testing", List.of(), SampleHttp.Part.file("data", "x.json", SampleFiles.text("{]")));
        assertThat(allBad.status()).isEqualTo(400);
        assertThat(allBad.json().get("success").asBoolean()).isFalse();
        assertThat(allBad.json().get("files").get(0).get("error").asString()).startsWith("x.json: ");
    }

    @Test
    void headersSetLabelNameAndMetadata() {
        ApiClient.Response noLabel = files(
                "training",
                List.of("x-no-label", "1", "x-add-date-id", "1", "x-metadata", "{\"site\": \"north\", \"gain\": 3}"),
                SampleHttp.Part.file("data", "idle.01.json", SampleFiles.eiJson(3, 20)),
                SampleHttp.Part.file("data", "idle.01.json", SampleFiles.eiJson(4, 20)));
        JsonNode files = noLabel.json().get("files");
        JsonNode first = project.sample(UUID.fromString(files.get(0).get("id").asString()));
        JsonNode second = project.sample(UUID.fromString(files.get(1).get("id").asString()));
        assertThat(first.get("label").isNull()).isTrue();
        assertThat(first.get("name").asString())
                .startsWith("idle.01.")
                .isNotEqualTo(second.get("name").asString());
        assertThat(first.get("metadata").get("site").asString()).isEqualTo("north");
        assertThat(first.get("metadata").get("gain").asString()).isEqualTo("3");

        ApiClient.Response badMetadata = files(
                "training",
                List.of("x-metadata", "[1, 2]"),
                SampleHttp.Part.file("data", "a.json", SampleFiles.eiJson(5, 20)));
        assertThat(badMetadata.status()).isEqualTo(400);
        assertThat(badMetadata.text("detail")).contains("x-metadata");

        byte[] dup = SampleFiles.eiJson(6, 20);
        assertThat(files("training", List.of(), SampleHttp.Part.file("data", "d.json", dup))
                        .status())
                .isEqualTo(200);
        ApiClient.Response refused =
                files("training", List.of("x-disallow-duplicates", "1"), SampleHttp.Part.file("data", "d.json", dup));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("files").get(0).get("error").asString()).contains("same content");
        ApiClient.Response notRefused =
                files("training", List.of("x-disallow-duplicates", "0"), SampleHttp.Part.file("data", "d.json", dup));
        assertThat(notRefused.status()).isEqualTo(200);
    }

    @Test
    void dataEndpointStoresOneMessageAndAnswersItsNameAsText() {
        ApiClient.Response stored = data(
                "testing",
                SampleFiles.eiJson(7, 30),
                "application/json",
                "x-file-name",
                "idle.01.json",
                "x-label",
                "rest");
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.contentType()).startsWith("text/plain");
        assertThat(stored.body()).isEqualTo("idle.01");
        UUID id = UUID.fromString(stored.header("x-sample-id").orElseThrow());
        JsonNode sample = project.sample(id);
        assertThat(sample.get("label").asString()).isEqualTo("rest");
        assertThat(sample.get("category").asString()).isEqualTo("testing");
        assertThat(stored.header("Location").orElseThrow()).endsWith("/samples/" + id);

        ApiClient.Response cbor =
                data("training", SampleFiles.eiCbor(8, 30), "application/cbor", "x-file-name", "tap.02.cbor");
        assertThat(cbor.status()).as(cbor.body()).isEqualTo(200);
        JsonNode tap = project.sample(UUID.fromString(cbor.header("x-sample-id").orElseThrow()));
        assertThat(tap.get("label").asString()).isEqualTo("tap");
        assertThat(tap.get("format").asString()).isEqualTo("cbor");

        ApiClient.Response malformed =
                data("training", SampleFiles.text("{\"payload\": 1}"), "application/json", "x-file-name", "bad.json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.text("detail")).startsWith("bad.json: ");

        ApiClient.Response duplicate = data(
                "training",
                SampleFiles.eiJson(7, 30),
                "application/json",
                "x-file-name",
                "again.json",
                "x-disallow-duplicates",
                "true");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("code")).isEqualTo("duplicate-sample");
        assertThat(project.http
                        .send(
                                "POST",
                                "/api/split/data",
                                SampleFiles.eiJson(9, 10),
                                auth,
                                List.of("Content-Type", "application/json"))
                        .status())
                .as("split has no data endpoint")
                .isEqualTo(404);
    }

    /**
     * Issue #18: "0 of 289 samples went in: every file of a Studio export is signed with the original project's HMAC
     * key". As in Edge Impulse, signed data is kept whatever the project's keys say, and marked.
     */
    @Test
    void signedDataIsKeptAndMarkedWhateverTheProjectsKeysSay() {
        // no HMAC key yet: nothing can check the signature, as with a Studio export signed by its own project's key
        byte[] signedElsewhere = SampleFiles.eiJsonSigned(10, 20, "the-studio-projects-key");
        ApiClient.Response noKey = data("training", signedElsewhere, "application/json", "x-file-name", "s.json");
        assertThat(noKey.status()).as(noKey.body()).isEqualTo(200);
        assertThat(signature(noKey)).isEqualTo("unverified");

        String first = project.hmacKey("fleet A");
        String second = project.hmacKey("fleet B");
        ApiClient.Response good = data(
                "training", SampleFiles.eiJsonSigned(11, 20, second), "application/json", "x-file-name", "good.json");
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(signature(good)).isEqualTo("verified");
        ApiClient.Response good2 = data(
                "training", SampleFiles.eiJsonSigned(12, 20, first), "application/json", "x-file-name", "good2.json");
        assertThat(signature(good2)).isEqualTo("verified");

        // the project's keys disprove it: kept, marked invalid
        byte[] wrong = SampleFiles.eiJsonSigned(13, 20, "some-other-key");
        ApiClient.Response bad = data("training", wrong, "application/json", "x-file-name", "bad.json");
        assertThat(bad.status()).as(bad.body()).isEqualTo(200);
        assertThat(signature(bad)).isEqualTo("invalid");
        ApiClient.Response badFile = files(
                "training",
                List.of(),
                SampleHttp.Part.file("data", "bad2.json", SampleFiles.eiJsonSigned(14, 20, "some-other-key")));
        assertThat(badFile.status()).as(badFile.body()).isEqualTo(200);
        assertThat(project.sample(UUID.fromString(
                                badFile.json().get("files").get(0).get("id").asString()))
                        .get("signature")
                        .asString())
                .isEqualTo("invalid");

        // the list shows and filters them
        assertThat(project.listAll("")).hasSize(5);
        assertThat(project.listAll("?signature=invalid"))
                .extracting(n -> n.get("name").asString())
                .containsExactlyInAnyOrder("bad", "bad2");
        assertThat(project.listAll("?signature=unverified"))
                .extracting(n -> n.get("name").asString())
                .containsExactly("s");
        assertThat(project.listAll("?signature=verified")).hasSize(2);
        ApiClient.Response badFilter = project.client.get(project.base + "/samples?signature=maybe", project.auth());
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.text("detail")).contains("signature").contains("maybe");
    }

    private String signature(ApiClient.Response stored) {
        return project.sample(UUID.fromString(stored.header("x-sample-id").orElseThrow()))
                .get("signature")
                .asString();
    }

    /** Issue #18: "200 with every data file failed (the info.labels entry counted as a success)". */
    @Test
    void aLabelsFileIsNoStoredSampleSoEveryDataFileFailedIs400() {
        String labels = """
                {"version": 1, "files": [{"path": "x.json", "category": "training",
                  "label": {"type": "label", "label": "idle"}}]}""";
        ApiClient.Response response = files(
                "training",
                List.of(),
                SampleHttp.Part.file("data", "info.labels", SampleFiles.text(labels)),
                SampleHttp.Part.file("data", "x.json", SampleFiles.text("{]")));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.json().get("files").get(0).get("success").asBoolean())
                .as("the labels file itself was read")
                .isTrue();
        ApiClient.Response rest = project.http.multipart(
                project.base + "/samples",
                project.auth(),
                SampleHttp.Part.file("info.labels", SampleFiles.text(labels)),
                SampleHttp.Part.file("x.json", SampleFiles.text("{]")));
        assertThat(rest.status()).as(rest.body()).isEqualTo(400);
        ApiClient.Response stored = files(
                "training",
                List.of(),
                SampleHttp.Part.file("data", "info.labels", SampleFiles.text(labels)),
                SampleHttp.Part.file("data", "x.json", SampleFiles.eiJson(15, 20)));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("success").asBoolean()).isTrue();
    }

    @Test
    void onlyAValidIngestKeyIsAccepted() {
        SampleHttp.Part file = SampleHttp.Part.file("data", "a.json", SampleFiles.eiJson(20, 10));
        ApiClient.Response badKey = project.http.multipart("/api/training/files", Auth.apiKey("ef_unknown"), file);
        assertThat(badKey.status()).isEqualTo(401);
        assertThat(badKey.contentType()).startsWith("application/problem+json");
        assertThat(project.http
                        .send(
                                "POST",
                                "/api/training/data",
                                SampleFiles.eiJson(20, 10),
                                Auth.apiKey("nope"),
                                List.of("Content-Type", "application/json"))
                        .status())
                .isEqualTo(401);
        assertThat(project.http
                        .multipart("/api/training/files", Auth.none(), file)
                        .status())
                .isEqualTo(401);
        ApiClient.Response asUser = project.http.multipart("/api/training/files", project.auth(), file);
        assertThat(asUser.status()).isEqualTo(401);
        assertThat(asUser.text("code")).isEqualTo("api-key-required");
        assertThat(project.http
                        .multipart("/api/training/files", Auth.apiKey(project.apiKey("read")), file)
                        .status())
                .isEqualTo(403);
        assertThat(project.listAll("")).isEmpty();
    }

    @Test
    void splitPutsEachFileInTrainingOrTestingByItsContent() throws Exception {
        SampleHttp.Part[] parts = new SampleHttp.Part[60];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = SampleHttp.Part.file("data", "s." + i + ".json", SampleFiles.eiJson(1000 + i, 5));
        }
        ApiClient.Response response = files("split", List.of(), parts);
        assertThat(response.json().get("success").asBoolean()).isTrue();
        List<JsonNode> samples = project.listAll("");
        long training = samples.stream()
                .filter(s -> s.get("category").asString().equals("training"))
                .count();
        long testing = samples.stream()
                .filter(s -> s.get("category").asString().equals("testing"))
                .count();
        assertThat(training + testing).isEqualTo(60);
        assertThat(training).as("about 80%% training").isBetween(38L, 58L);
        assertThat(testing).isPositive();

        // the same content lands on the same side in any project
        TestProject other = TestProject.create(port, "Other devices");
        Auth otherKey = Auth.apiKey(other.apiKey("ingest"));
        for (int i = 0; i < 10; i++) {
            byte[] bytes = SampleFiles.eiJson(1000 + i, 5);
            String sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            other.http.multipart(
                    "/api/split/files", otherKey, List.of(), SampleHttp.Part.file("data", "x.json", bytes));
            String here = samples.stream()
                    .filter(s -> s.get("sha256").asString().equals(sha))
                    .findFirst()
                    .orElseThrow()
                    .get("category")
                    .asString();
            String there = other.listAll("").stream()
                    .filter(s -> s.get("sha256").asString().equals(sha))
                    .findFirst()
                    .orElseThrow()
                    .get("category")
                    .asString();
            assertThat(there).isEqualTo(here);
        }
    }
}
