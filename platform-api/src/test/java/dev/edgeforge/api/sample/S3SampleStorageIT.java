package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.InJvmS3;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.infra.storage.ObjectInfo;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.infra.storage.S3ObjectStore;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The same upload path with the S3 object store, against a real S3 API (S3Proxy in this JVM, signature v4 checked):
 * uploads, Edge Impulse ingestion, raw bytes, crop and the orphan sweep; and, with a 1 MB file limit, uploads that
 * turn out too large while streaming are refused with 413 and leave nothing behind.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class S3SampleStorageIT {

    private static final InJvmS3 S3 = InJvmS3.start();

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        S3.register(registry, "samples-it");
        registry.add("edgeforge.storage.s3.region", () -> "us-east-1");
        registry.add("edgeforge.datasets.max-upload-bytes", () -> "1MB");
        registry.add("edgeforge.datasets.max-request-bytes", () -> "3MB");
        registry.add("edgeforge.workers.embedded", () -> "false");
    }

    @AfterAll
    static void stopProxy() throws Exception {
        S3.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ObjectStore store;

    @Autowired
    OrphanSampleSweeper sweeper;

    @Autowired
    UploadSpooler spooler;

    @Test
    void samplesLiveInS3UnderTheirHash() {
        assertThat(store).isInstanceOf(S3ObjectStore.class);
        TestProject project = TestProject.create(port, "S3");
        byte[] json = SampleFiles.eiJson(1, 200);
        byte[] wav = SampleFiles.wav(8000, 300, 0, 200);
        JsonNode files = project.upload(
                "?category=testing",
                SampleHttp.Part.file("idle.1.json", json),
                SampleHttp.Part.file("beep.wav", wav),
                SampleHttp.Part.file("cup.png", SampleFiles.png(12, 9)));
        UUID jsonId = UUID.fromString(files.get(0).get("id").asString());
        UUID wavId = UUID.fromString(files.get(1).get("id").asString());
        String sha = project.sample(jsonId).get("sha256").asString();
        assertThat(store.exists("projects/" + project.id + "/samples/" + sha)).isTrue();
        assertThat(project.http
                        .get(project.base + "/samples/" + jsonId + "/raw", project.auth())
                        .body())
                .isEqualTo(json);
        assertThat(project.http
                        .get(project.base + "/samples/" + wavId + "/raw", project.auth())
                        .body())
                .isEqualTo(wav);

        ApiClient.Response viaEi = project.http.send(
                "POST",
                "/api/training/data",
                SampleFiles.eiJson(2, 50),
                ApiClient.Auth.apiKey(project.apiKey("ingest")),
                List.of("Content-Type", "application/json", "x-file-name", "tap.1.json"));
        assertThat(viaEi.status()).as(viaEi.body()).isEqualTo(200);

        ApiClient.Response cropped = project.client.post(
                project.base + "/samples/" + jsonId + "/crop", Map.of("startMs", 0, "endMs", 1000), project.auth());
        assertThat(cropped.status()).as(cropped.body()).isEqualTo(200);
        String croppedKey = "projects/" + project.id + "/samples/" + cropped.text("sha256");
        assertThat(store.exists(croppedKey)).isTrue();

        sweeper.sweep(Instant.now().plusSeconds(5));
        assertThat(store.exists("projects/" + project.id + "/samples/" + sha))
                .as("the crop's old content")
                .isFalse();
        assertThat(store.exists(croppedKey)).isTrue();
        try (Stream<ObjectInfo> objects = store.list("projects/" + project.id + "/samples/")) {
            assertThat(objects.count()).isEqualTo(4);
        }
        assertThat(project.listAll(""))
                .hasSize(4)
                .allSatisfy(s -> assertThat(store.exists("projects/" + project.id + "/samples/"
                                + s.get("sha256").asString()))
                        .isTrue());
    }

    @Test
    void uploadsThatGrowPastTheLimitWhileStreamingGet413AndLeaveNothing() throws Exception {
        TestProject project = TestProject.create(port, "Limits");
        String key = project.apiKey("ingest");
        byte[] big = new byte[2 * 1024 * 1024];
        new Random(1).nextBytes(big);

        // no Content-Length: the body is sent chunked and only the spooler can stop it
        HttpResponse<String> chunked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/training/data"))
                                .header("x-api-key", key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("upload-too-large");

        // a declared length under the request limit, one part over the file limit
        ApiClient.Response multipart = project.http.multipart(
                project.base + "/samples",
                project.auth(),
                SampleHttp.Part.file("small.json", SampleFiles.eiJson(3, 10)),
                SampleHttp.Part.file("big.json", big));
        assertThat(multipart.status()).isEqualTo(413);
        assertThat(multipart.contentType()).startsWith("application/problem+json");

        assertThat(project.listAll("")).isEmpty();
        try (Stream<ObjectInfo> objects = store.list("projects/" + project.id + "/")) {
            assertThat(objects.count()).isZero();
        }
        // spooled and container temporary files are gone once the requests are done
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long left;
        do {
            try (Stream<Path> files = Files.list(spooler.directory())) {
                left = files.count();
            }
        } while (left > 0 && System.nanoTime() < deadline);
        assertThat(left).isZero();
    }
}
