package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue #12 over HTTP: the impulse suggested from the uploaded samples, the checks of a saved impulse against them
 * (422 naming the field, warnings), and the 409s that name their real cause and the call that fixes it. The cases
 * are the issue's: gestures from a watch (one axis, accZ, 100 Hz, 1–4.5 s) and spoken digits (8 kHz WAV).
 */
@IntegrationTest
class ImpulseFitsDataIT {

    @LocalServerPort
    int port;

    TestProject project;
    String impulse;

    @BeforeEach
    void setUp() {
        project = TestProject.create(port, "Fits");
        impulse = project.base + "/impulse";
    }

    /** One watch gesture: accZ at 100 Hz for {@code ms} milliseconds. */
    static byte[] watchGesture(int ms, int seed) {
        StringBuilder text = new StringBuilder("timestamp,accZ\n");
        for (int t = 0; t < ms; t += 10) {
            text.append(t)
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.3f", 9.81 + Math.sin((t + seed) / 90.0)))
                    .append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void uploadWatchGestures() {
        uploadWatchGestures(project);
    }

    /** Twelve watch gestures of 1.0 to 4.3 s, labelled wave and tap. */
    static void uploadWatchGestures(TestProject project) {
        List<SampleHttp.Part> parts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            parts.add(SampleHttp.Part.file(
                    (i % 2 == 0 ? "wave." : "tap.") + i + ".csv", watchGesture(1000 + i * 300, i)));
        }
        project.upload("?category=training", parts.toArray(SampleHttp.Part[]::new));
    }

    private void uploadSpokenDigits() {
        List<SampleHttp.Part> parts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            parts.add(SampleHttp.Part.file(
                    (i % 2) + ".digit" + i + ".wav", SampleFiles.wav(8000, 300 + i * 80, 50, 250)));
        }
        project.upload("?category=training", parts.toArray(SampleHttp.Part[]::new));
    }

    private ObjectNode motionTemplate() {
        // what a project without data starts from: accX/accY/accZ at 62.5 Hz, 2 s windows, spectral analysis
        TestProject empty = TestProject.create(port, "Empty");
        ApiClient.Response latest = empty.client.get(empty.base + "/impulse", empty.auth());
        assertThat(latest.json().get("suggested").asBoolean()).isFalse();
        return (ObjectNode) latest.json().get("impulse").deepCopy();
    }

    @Test
    void watchGesturesGetTheirAxisRateAndWindowSuggestedWithReasons() {
        uploadWatchGestures();

        ApiClient.Response suggestion = project.client.get(impulse + "/suggestion", project.auth());

        assertThat(suggestion.status()).as(suggestion.body()).isEqualTo(200);
        JsonNode suggested = suggestion.json().get("impulse");
        assertThat(suggested.get("input").get("type").asString()).isEqualTo("time-series");
        assertThat(suggested.get("input").get("frequencyHz").asDouble()).isEqualTo(100);
        assertThat(suggested.get("input").get("zeroPad").asBoolean()).isTrue();
        // the 95th percentile of 1.0–4.3 s, rounded up to 10 ms
        assertThat(suggested.get("input").get("windowSizeMs").asDouble()).isBetween(4000.0, 4300.0);
        JsonNode block = suggested.get("processingBlocks").get(0);
        assertThat(block.get("axes").toString()).isEqualTo("[\"accZ\"]");
        assertThat(block.get("params").get("type").asString()).isEqualTo("raw");
        assertThat(suggested.get("learningBlocks").get(0).get("settings").toString())
                .contains("conv1d");
        assertThat(suggestion.json().get("samples").asInt()).isEqualTo(12);
        assertThat(suggestion.json().get("reasons").toString())
                .contains("axis accZ")
                .contains("nothing is resampled");

        // a project that saved no impulse shows the suggestion as its impulse, and it saves without a word
        ApiClient.Response latest = project.client.get(impulse, project.auth());
        assertThat(latest.json().get("suggested").asBoolean()).isTrue();
        assertThat(latest.json().get("impulse")).isEqualTo(suggested);
        ApiClient.Response saved = project.client.put(impulse, suggested, project.auth());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("warnings").size()).isZero();
    }

    /** Issue #12: "the default impulse still offered accX/accY/accZ at 62.5 Hz ... PUT accepted it with 200". */
    @Test
    void theMotionTemplateOnOneAxisGesturesIsRefusedNamingTheAxesField() {
        ObjectNode template = motionTemplate();
        uploadWatchGestures();

        ApiClient.Response refused = project.client.put(impulse, template, project.auth());

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("impulse-does-not-fit-data");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("processingBlocks[0].axes");
        assertThat(refused.json().get("errors").get(0).get("message").asString())
                .contains("'accX'")
                .contains("no sample has (the samples have accZ)");
        assertThat(refused.text("detail")).contains("impulse/suggestion");
        assertThat(project.client
                        .get(impulse + "/versions", project.auth())
                        .json()
                        .size())
                .isZero();

        // with the axis fixed it saves, and the resampling from 100 Hz to 62.5 Hz is said, not silent
        ((ArrayNode) template.get("processingBlocks").get(0).get("axes"))
                .removeAll()
                .add("accZ");
        ApiClient.Response saved = project.client.put(impulse, template, project.auth());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("warnings").get(0).get("field").asString()).isEqualTo("input.frequencyHz");
        assertThat(saved.json().get("warnings").get(0).get("message").asString())
                .contains("recorded at 100 Hz")
                .contains("resampled to 62.5 Hz");
    }

    @Test
    void aRateFarFromTheDataAndAWindowNoSampleFillsAreRefusedNamingTheirFields() {
        uploadWatchGestures();
        ObjectNode suggested = (ObjectNode) project.client
                .get(impulse + "/suggestion", project.auth())
                .json()
                .get("impulse")
                .deepCopy();
        ObjectNode input = (ObjectNode) suggested.get("input");
        input.put("frequencyHz", 400);
        input.put("windowSizeMs", 10_000);
        input.put("zeroPad", false);

        ApiClient.Response refused = project.client.put(impulse, suggested, project.auth());

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactly("input.frequencyHz", "input.windowSizeMs");
    }

    /** Issue #12: "the default impulse after uploading WAVs was still the accelerometer one". */
    @Test
    void spokenDigitsMakeTheUnsavedImpulseAnAudioOneAtTheirRate() {
        uploadSpokenDigits();

        ApiClient.Response latest = project.client.get(impulse, project.auth());

        assertThat(latest.json().get("saved").asBoolean()).isFalse();
        assertThat(latest.json().get("suggested").asBoolean()).isTrue();
        JsonNode input = latest.json().get("impulse").get("input");
        assertThat(input.get("type").asString()).isEqualTo("audio");
        assertThat(input.get("frequencyHz").asDouble()).isEqualTo(8000);
        assertThat(latest.json()
                        .get("impulse")
                        .get("processingBlocks")
                        .get(0)
                        .get("params")
                        .get("type")
                        .asString())
                .isEqualTo("mfcc");
        assertThat(latest.json().get("reasons").get(0).asString()).contains("sound recordings");
    }

    /** Issue #12: features before saving gave a bare 409; training's 409 pointed an API user to a page. */
    @Test
    void theConflictsNameTheirCauseAndTheCallThatFixesIt() {
        ApiClient.Response noData = project.client.get(impulse + "/suggestion", project.auth());
        assertThat(noData.status()).isEqualTo(409);
        assertThat(noData.text("code")).isEqualTo("no-data-to-suggest-from");
        assertThat(noData.text("detail")).contains("POST /api/v1/projects/" + project.id + "/samples");
        uploadSpokenDigits();

        ApiClient.Response features = project.client.post(project.base + "/jobs/features", Map.of(), project.auth());
        assertThat(features.status()).as(features.body()).isEqualTo(409);
        assertThat(features.text("code")).isEqualTo("impulse-not-saved");
        assertThat(features.text("detail"))
                .contains("PUT /api/v1/projects/" + project.id + "/impulse")
                .contains("GET /api/v1/projects/" + project.id + "/impulse/suggestion");

        ApiClient.Response training = project.client.post(project.base + "/jobs/train", Map.of(), project.auth());
        assertThat(training.status()).as(training.body()).isEqualTo(409);
        assertThat(training.text("detail"))
                .contains("no saved impulse")
                .contains("PUT /api/v1/projects/" + project.id + "/impulse")
                .doesNotContain("impulse page");

        JsonNode suggested = project.client
                .get(impulse + "/suggestion", project.auth())
                .json()
                .get("impulse");
        assertThat(project.client.put(impulse, suggested, project.auth()).status())
                .isEqualTo(200);
        ApiClient.Response notGenerated = project.client.post(project.base + "/jobs/train", Map.of(), project.auth());
        assertThat(notGenerated.status()).isEqualTo(409);
        assertThat(notGenerated.text("detail"))
                .contains("No features were generated for impulse version 1")
                .contains("POST /api/v1/projects/" + project.id + "/jobs/features");
    }
}
