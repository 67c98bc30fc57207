package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.StudioExport;
import dev.edgeforge.core.format.labels.InfoLabels;
import dev.edgeforge.core.format.labels.InfoLabelsEntry;
import dev.edgeforge.core.format.labels.LabelsFiles;
import dev.edgeforge.core.format.labels.SampleLabel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue #18: the real Edge Impulse Studio export (shared/datasets/ei-studio-export: 41 files signed HS256 with the
 * original project's key, which this project never gets) imports unchanged, with no script, through every path that
 * takes files: a ZIP to the REST upload, the files with their info.labels in one request, the ingestion API's
 * {@code /api/{category}/files} and, one message per request, {@code /api/{category}/data}. Before this work each path
 * stored none of them ({@code sample-signature-invalid}); now every file is stored byte for byte, marked
 * {@code unverified}, with the label and category its info.labels gives, and the ZIP path exports back unchanged.
 */
@IntegrationTest
class StudioExportImportIT {

    @LocalServerPort
    int port;

    TestProject project;

    /** What the export's root info.labels says of each data file: "category/label", by the file's SHA-256. */
    Map<String, String> expected;

    @BeforeEach
    void setUp() {
        project = TestProject.create(port, "From Studio");
        Map<String, byte[]> files = StudioExport.files();
        InfoLabels info = LabelsFiles.readInfoLabels(files.get("info.labels"));
        expected = new HashMap<>();
        for (InfoLabelsEntry entry : info.files()) {
            byte[] bytes = files.get(entry.path());
            assertThat(bytes).as(entry.path()).isNotNull();
            String label = ((SampleLabel.Single) entry.label().orElseThrow()).label();
            expected.put(StudioExport.sha256(bytes), entry.category() + "/" + label);
        }
        assertThat(expected).hasSize(StudioExport.FILES);
        assertThat(project.listAll("")).isEmpty();
    }

    @Test
    void theZipAsStudioWritesItGoesToTheRestUploadAndExportsBackByteForByte() throws IOException {
        ApiClient.Response response = project.http.multipart(
                project.base + "/samples",
                project.auth(),
                SampleHttp.Part.file("motion-export.zip", StudioExport.zip()));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertAllImported();

        SampleHttp.Binary export = project.http.get(project.base + "/dataset/export", project.auth());
        assertThat(export.status()).isEqualTo(200);
        Map<String, String> exported = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(export.body()))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!entry.getName().endsWith(".labels")) {
                    exported.put(StudioExport.sha256(zip.readAllBytes()), entry.getName());
                }
            }
        }
        assertThat(exported.keySet())
                .as("every file exported exactly as Studio wrote it, signature included")
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        exported.forEach((sha, path) -> assertThat(path)
                .as("the category folder")
                .startsWith(expected.get(sha).split("/")[0] + "/"));
    }

    @Test
    void theFilesWithTheirInfoLabelsInOneRequestAsABrowserOrCurlSendsThem() {
        List<SampleHttp.Part> parts = new ArrayList<>();
        parts.add(SampleHttp.Part.file("info.labels", StudioExport.files().get("info.labels")));
        // base names only, as curl -F and the browser's file picker send them
        StudioExport.dataFiles()
                .forEach((path, bytes) ->
                        parts.add(SampleHttp.Part.file(path.substring(path.lastIndexOf('/') + 1), bytes)));

        ApiClient.Response response = project.http.multipart(
                project.base + "/samples", project.auth(), parts.toArray(SampleHttp.Part[]::new));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertAllImported();
    }

    @Test
    void theIngestionFilesEndpointTakesTheWholeExportInOneRequest() {
        String key = project.apiKey("ingest");
        List<SampleHttp.Part> parts = new ArrayList<>();
        StudioExport.files().forEach((path, bytes) -> parts.add(SampleHttp.Part.file("data", path, bytes)));

        ApiClient.Response response = project.http.multipart(
                "/api/training/files", ApiClient.Auth.apiKey(key), List.of(), parts.toArray(SampleHttp.Part[]::new));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean()).isTrue();
        assertAllImported();
    }

    @Test
    void theIngestionDataEndpointTakesEachFileAsADeviceSendsIt() {
        String key = project.apiKey("ingest");
        StudioExport.dataFiles().forEach((path, bytes) -> {
            String category = path.substring(0, path.indexOf('/'));
            String fileName = path.substring(path.indexOf('/') + 1);
            // no x-label: the label is the file name's first part ("Idel.unknown.4ac6k3em..." is "Idel"), as in EI
            SampleHttp.Binary stored = project.http.sendBinary(
                    "POST",
                    "/api/" + category + "/data",
                    bytes,
                    ApiClient.Auth.apiKey(key),
                    List.of("Content-Type", "application/json", "x-file-name", fileName));
            assertThat(stored.status())
                    .as(path + ": " + new String(stored.body()))
                    .isEqualTo(200);
        });

        assertAllImported();
    }

    /** All 41 stored byte for byte, unverified, with the info.labels' label and category, and filterable as such. */
    private void assertAllImported() {
        List<JsonNode> samples = project.listAll("");
        assertThat(samples).hasSize(StudioExport.FILES);
        Map<String, String> got = new HashMap<>();
        for (JsonNode sample : samples) {
            got.put(
                    sample.get("sha256").asString(),
                    sample.get("category").asString() + "/"
                            + sample.get("label").asString());
            assertThat(sample.get("signature").asString())
                    .as("signed HS256 with a key this project does not have")
                    .isEqualTo("unverified");
            assertThat(sample.get("content").asString()).isEqualTo("uploaded");
            assertThat(sample.get("intervalMs").asDouble()).isEqualTo(16.0);
            assertThat(sample.get("enabled").asBoolean()).isTrue();
        }
        assertThat(got).as("sha256 -> category/label").isEqualTo(expected);
        assertThat(project.listAll("?signature=unverified")).hasSize(StudioExport.FILES);
        assertThat(project.listAll("?signature=verified")).isEmpty();
        assertThat(project.listAll("?category=training")).hasSize(StudioExport.TRAINING);
        assertThat(project.listAll("?category=testing"))
                .hasSize(StudioExport.TESTING)
                .anyMatch(s -> s.get("label").asString().equals(StudioExport.TESTING_ONLY_LABEL));
    }
}
