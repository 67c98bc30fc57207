package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue #12: labels from file names the way people name files — Edge Impulse's rule by default, a separator or a
 * regular expression on the REST upload ({@code labelRule}), the ingestion API ({@code x-label-rule}) and the preview
 * the data page shows before an upload starts.
 */
@IntegrationTest
class LabelRuleIT {

    @LocalServerPort
    int port;

    TestProject project;

    @BeforeEach
    void setUp() {
        project = TestProject.create(port, "Spoken digits");
    }

    /** "Labels come from the whole file name (0_george_5.wav -> label 0_george_5) with no way to say otherwise". */
    @Test
    void spokenDigitsGetTheirDigitFromASeparatorOrAPattern() {
        byte[] wav = SampleFiles.wav(8000, 200, 0, 100);
        JsonNode byDefault = project.upload("", SampleHttp.Part.file("0_george_5.wav", wav));
        assertThat(label(byDefault)).isEqualTo("0_george_5");

        JsonNode separated = project.upload(
                "?labelRule=" + encode("separator:_"),
                SampleHttp.Part.file("1_jackson_0.wav", SampleFiles.wav(8000, 200, 1, 100)));
        assertThat(label(separated)).isEqualTo("1");

        JsonNode matched = project.upload(
                "?labelRule=" + encode("regex:^(\\d+)_"),
                SampleHttp.Part.file("7_theo_12.wav", SampleFiles.wav(8000, 200, 2, 100)));
        assertThat(label(matched)).isEqualTo("7");
    }

    @Test
    void aNameThePatternDoesNotMatchFailsAloneAndBadRulesAreA400() {
        ApiClient.Response some = project.http.multipart(
                project.base + "/samples?labelRule=" + encode("regex:^(\\d+)_"),
                project.auth(),
                SampleHttp.Part.file("3_nicolas_1.wav", SampleFiles.wav(8000, 200, 3, 100)),
                SampleHttp.Part.file("noise.wav", SampleFiles.wav(8000, 200, 4, 100)));
        assertThat(some.status()).isEqualTo(207);
        JsonNode refused = some.json().get("files").get(1);
        assertThat(refused.get("success").asBoolean()).isFalse();
        assertThat(refused.get("error").asString()).contains("noise.wav").contains("does not match");

        ApiClient.Response broken = project.http.multipart(
                project.base + "/samples?labelRule=" + encode("regex:^(\\d+_"),
                project.auth(),
                SampleHttp.Part.file("3_a.wav", SampleFiles.wav(8000, 200, 5, 100)));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.contentType()).startsWith("application/problem+json");
        assertThat(broken.json().get("detail").asString())
                .startsWith("The field 'labelRule' is not a usable label rule: the pattern does not compile");

        ApiClient.Response catastrophic = project.client.post(
                project.base + "/samples/label-preview",
                Map.of("labelRule", "regex:^(?:(a+)\\1)+b", "fileNames", List.of("a.wav")),
                project.auth());
        assertThat(catastrophic.status()).isEqualTo(400);
        assertThat(catastrophic.json().get("detail").asString()).contains("backtracks catastrophically");

        ApiClient.Response both = project.http.multipart(
                project.base + "/samples?label=x&labelRule=" + encode("separator:_"),
                project.auth(),
                SampleHttp.Part.file("3_a.wav", SampleFiles.wav(8000, 200, 6, 100)));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("detail").asString()).contains("cannot be combined with a given label");
        assertThat(project.listAll("")).hasSize(1);
    }

    @Test
    void theIngestionApiTakesTheRuleAsAHeader() {
        Auth key = Auth.apiKey(project.apiKey("ingest"));
        ApiClient.Response response = project.http.multipart(
                "/api/training/files",
                key,
                List.of("x-label-rule", "separator:_"),
                SampleHttp.Part.file("data", "9_lucas_3.wav", SampleFiles.wav(8000, 200, 7, 100)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(project.listAll("").get(0).get("label").asString()).isEqualTo("9");

        ApiClient.Response bad = project.http.multipart(
                "/api/training/files",
                key,
                List.of("x-label-rule", "suffix:_"),
                SampleHttp.Part.file("data", "9_lucas_4.wav", SampleFiles.wav(8000, 200, 8, 100)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("x-label-rule").contains("unknown label rule");
    }

    @Test
    void thePreviewShowsTheLabelEachFileWillGet() {
        ApiClient.Response preview = project.client.post(
                project.base + "/samples/label-preview",
                Map.of(
                        "labelRule",
                        "regex:^(\\d+)_",
                        "fileNames",
                        List.of("0_george_5.wav", "dir/12_yweweler_1.wav", "x.wav")),
                project.auth());
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode files = preview.json().get("files");
        assertThat(files.get(0).get("label").asString()).isEqualTo("0");
        assertThat(files.get(1).get("label").asString()).isEqualTo("12");
        assertThat(files.get(2).get("label").isNull()).isTrue();
        assertThat(files.get(2).get("error").asString()).contains("does not match");

        ApiClient.Response byDefault = project.client.post(
                project.base + "/samples/label-preview", Map.of("fileNames", List.of("idle.01.json")), project.auth());
        assertThat(byDefault.json().get("labelRule").asString()).isEqualTo("first-dot");
        assertThat(byDefault.json().get("files").get(0).get("label").asString()).isEqualTo("idle");
    }

    private static String label(JsonNode files) {
        return files.get(0).get("label").asString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
