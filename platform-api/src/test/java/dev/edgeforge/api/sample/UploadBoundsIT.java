package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.infra.storage.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Uploads bounded as a whole, with limits small enough to test quickly (a server of its own): bytes once ZIP
 * archives are unpacked, entries per archive and per request, the compression ratio (also of skipped entries),
 * nested archives, and the parse memory budget. A refused request leaves no row, no object and no spooled file.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "edgeforge.datasets.max-upload-bytes=8MB",
            "edgeforge.datasets.max-request-bytes=12MB",
            "edgeforge.datasets.max-expanded-request-bytes=10MB",
            "edgeforge.datasets.max-zip-entries=20",
            "edgeforge.datasets.max-zip-entries-per-request=30",
            "edgeforge.datasets.compression-ratio-from=1MB",
            "edgeforge.datasets.parse-memory-bytes=16MB",
            "edgeforge.datasets.parse-memory-wait=1s"
        })
class UploadBoundsIT {

    @LocalServerPort
    int port;

    @Autowired
    UploadSpooler spooler;

    @Autowired
    ObjectStore objects;

    @Autowired
    ParseMemoryBudget memory;

    TestProject project;

    @BeforeEach
    void setUp() {
        project = TestProject.create(port, "Bounds");
    }

    @Test
    void aZipExpandingPastTheRequestLimitIsRefusedWholeAndLeavesNothing() throws Exception {
        // four entries of 3 MB, each under the 8 MB file limit and compressing only ~2.5 times: 12 MB > 10 MB
        byte[] zip = ZipFiles.zip(ZipFiles.noisyCsvEntries("walk.", 4, 3 * 1024 * 1024));
        assertThat(zip.length).isLessThan(8 * 1024 * 1024);

        ApiClient.Response response = project.http.multipart(
                project.base + "/samples",
                project.auth(),
                SampleHttp.Part.file("idle.1.json", SampleFiles.eiJson(1, 50)),
                SampleHttp.Part.file("walks.zip", zip));

        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo("upload-too-large");
        assertThat(response.text("detail"))
                .contains("more than 10 MB once its ZIP archives are unpacked")
                .contains("'walks.zip' entry 'walk.3.csv'")
                .contains("nothing of it was stored");
        assertNothingLeft();
    }

    @Test
    void aCompressionBombIsRefusedAfterTheFirstMegabytes() throws Exception {
        byte[] bomb = ZipFiles.csvBomb(12, 3 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(100 * 1024);
        long started = System.nanoTime();

        ApiClient.Response response = project.http.multipart(
                project.base + "/samples", project.auth(), SampleHttp.Part.file("bomb.zip", bomb));

        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.text("code")).isEqualTo("compression-bomb");
        assertThat(response.text("detail"))
                .startsWith("'bomb.zip' looks like a compression bomb: its entry "
                        + "'walk.0.csv' expands more than 100 times")
                .contains("more than the limit of 100 times");
        assertThat((System.nanoTime() - started) / 1e9).as("seconds to refuse").isLessThan(10);
        assertNothingLeft();

        // the Edge Impulse files endpoint unpacks ZIPs the same way
        ApiClient.Response device = project.http.multipart(
                "/api/training/files",
                ApiClient.Auth.apiKey(project.apiKey("ingest")),
                SampleHttp.Part.file("data", "bomb.zip", bomb));
        assertThat(device.status()).as(device.body()).isEqualTo(413);
        assertThat(device.text("code")).isEqualTo("compression-bomb");
        assertNothingLeft();
    }

    @Test
    void skippedEntriesAreCountedToo() throws Exception {
        byte[] zeros = new byte[3 * 1024 * 1024];
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("idle.1.json", SampleFiles.eiJson(2, 20));
        entries.put("__MACOSX/._idle.1.json", zeros);
        ApiClient.Response response = project.http.multipart(
                project.base + "/samples", project.auth(), SampleHttp.Part.file("mac.zip", ZipFiles.zip(entries)));
        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.text("code")).isEqualTo("compression-bomb");
        assertThat(response.text("detail")).contains("'__MACOSX/._idle.1.json'");
        assertNothingLeft();
    }

    @Test
    void entriesAreCountedPerArchiveAndPerRequest() throws Exception {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 21; i++) {
            many.put("idle." + i + ".json", SampleFiles.eiJson(100 + i, 10));
        }
        ApiClient.Response tooMany = project.http.multipart(
                project.base + "/samples", project.auth(), SampleHttp.Part.file("many.zip", ZipFiles.zip(many)));
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(413);
        assertThat(tooMany.text("code")).isEqualTo("upload-too-large");
        assertThat(tooMany.text("detail")).contains("'many.zip' holds more than 20 files");
        assertNothingLeft();

        Map<String, byte[]> sixteen = new LinkedHashMap<>();
        for (int i = 0; i < 16; i++) {
            sixteen.put("wave." + i + ".json", SampleFiles.eiJson(200 + i, 10));
        }
        byte[] zip = ZipFiles.zip(sixteen);
        ApiClient.Response twoArchives = project.http.multipart(
                project.base + "/samples",
                project.auth(),
                SampleHttp.Part.file("a.zip", zip),
                SampleHttp.Part.file("b.zip", zip));
        assertThat(twoArchives.status()).as(twoArchives.body()).isEqualTo(413);
        assertThat(twoArchives.text("detail")).contains("more than 30 files together");
        assertNothingLeft();

        // an export with folders and macOS metadata beside its 16 files is fine
        Map<String, byte[]> export = new LinkedHashMap<>(sixteen);
        for (int i = 0; i < 16; i++) {
            export.put("__MACOSX/._wave." + i + ".json", new byte[] {0, 5, 22, 7});
        }
        JsonNode stored = project.upload("", SampleHttp.Part.file("export.zip", ZipFiles.zip(export)));
        assertThat(stored).hasSize(16);
        assertThat(project.listAll("")).hasSize(16);
    }

    @Test
    void aZipInsideAZipIsNotUnpacked() {
        byte[] inner = ZipFiles.zip(Map.of("idle.9.json", SampleFiles.eiJson(9, 10)));
        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("inner.zip", inner);
        outer.put("idle.8.json", SampleFiles.eiJson(8, 10));
        ApiClient.Response response = project.http.multipart(
                project.base + "/samples", project.auth(), SampleHttp.Part.file("outer.zip", ZipFiles.zip(outer)));
        assertThat(response.status()).as(response.body()).isEqualTo(207);
        JsonNode files = response.json().get("files");
        assertThat(files.get(0).get("fileName").asString()).isEqualTo("inner.zip");
        assertThat(files.get(0).get("code").asString()).isEqualTo("sample-unsupported");
        assertThat(files.get(0).get("error").asString()).contains("a ZIP archive inside a ZIP archive is not unpacked");
        assertThat(files.get(1).get("success").asBoolean()).isTrue();
        assertThat(project.listAll(""))
                .extracting(s -> s.get("name").asString())
                .containsExactly("idle.8");
    }

    @Test
    void aFileWaitsForParseMemoryAndGets503WithRetryAfterWhenNoneFrees() {
        String key = project.apiKey("ingest");
        byte[] json = SampleFiles.eiJson(30, 100);
        try (ParseMemoryBudget.Lease all = memory.reserveBytes("the test", memory.capacityBytes())) {
            assertThat(memory.availableBytes()).isZero();
            ApiClient.Response busy = project.http.send(
                    "POST",
                    "/api/training/data",
                    json,
                    ApiClient.Auth.apiKey(key),
                    List.of("Content-Type", "application/json", "x-file-name", "idle.30.json"));
            assertThat(busy.status()).as(busy.body()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).contains("10");
            assertThat(busy.text("code")).isEqualTo("server-busy");
            assertThat(busy.text("detail")).contains("'idle.30.json'").contains("send it again");

            // in a batch the file fails on its own and can be sent again
            ApiClient.Response batch = project.http.multipart(
                    project.base + "/samples",
                    project.auth(),
                    SampleHttp.Part.file("idle.31.json", SampleFiles.eiJson(31, 100)));
            assertThat(batch.status()).as("no data file stored").isEqualTo(400);
            assertThat(batch.json().get("files").get(0).get("code").asString()).isEqualTo("server-busy");
        }
        assertThat(memory.availableBytes()).isEqualTo(memory.capacityBytes());
        assertThat(project.listAll("")).isEmpty();
        ApiClient.Response stored = project.http.send(
                "POST",
                "/api/training/data",
                json,
                ApiClient.Auth.apiKey(key),
                List.of("Content-Type", "application/json", "x-file-name", "idle.30.json"));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    }

    /** No sample row, no object of the project, and (once the container drops its part files) no spooled file. */
    private void assertNothingLeft() throws IOException, InterruptedException {
        assertThat(project.listAll("")).isEmpty();
        try (Stream<?> stored = objects.list("projects/" + project.id + "/")) {
            assertThat(stored.count()).isZero();
        }
        Path directory = spooler.directory();
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<Path> left;
        do {
            try (Stream<Path> files = Files.list(directory)) {
                left = files.filter(Files::isRegularFile).toList();
            }
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertThat(left).as("files left in " + directory).isEmpty();
    }
}
