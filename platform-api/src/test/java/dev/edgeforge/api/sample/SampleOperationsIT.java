package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.format.wav.WavWriter;
import dev.edgeforge.core.sample.SampleData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Crop, split, bulk actions, the summary and rebalancing, through the REST API. */
@IntegrationTest
class SampleOperationsIT {

    @LocalServerPort
    int port;

    TestProject project;

    @BeforeEach
    void setUp() {
        project = TestProject.create(port, "Operations");
    }

    private SampleData stored(UUID id) {
        SampleHttp.Binary raw = project.http.get(project.base + "/samples/" + id + "/raw", project.auth());
        assertThat(raw.status()).isEqualTo(200);
        return SampleParsers.parse(
                        project.sample(id).get("name").asString() + "."
                                + project.sample(id).get("format").asString(),
                        raw.body(),
                        SampleParseOptions.defaults())
                .data();
    }

    @Test
    void cropKeepsATimeRangeAsNewContentOfTheSameSample() {
        SampleData original = SampleFiles.accelerometer(30, 100);
        UUID id = project.uploadOne("?label=wave", "wave.json", SampleFiles.eiJson(30, 100));
        String before = project.sample(id).get("sha256").asString();

        ApiClient.Response cropped = project.client.post(
                project.base + "/samples/" + id + "/crop", Map.of("startMs", 200, "endMs", 500), project.auth());
        assertThat(cropped.status()).as(cropped.body()).isEqualTo(200);
        assertThat(cropped.json().get("id").asString()).isEqualTo(id.toString());
        assertThat(cropped.json().get("length").asInt()).isEqualTo(30);
        assertThat(cropped.json().get("durationMs").asDouble()).isEqualTo(300);
        assertThat(cropped.json().get("label").asString()).isEqualTo("wave");
        assertThat(cropped.json().get("sha256").asString()).isNotEqualTo(before);
        assertThat(stored(id)).isEqualTo(original.crop(200, 500));

        UUID audio = project.uploadOne("", "beep.wav", SampleFiles.wav(8000, 1000, 200, 400));
        ApiClient.Response croppedAudio = project.client.post(
                project.base + "/samples/" + audio + "/crop", Map.of("startMs", 100, "endMs", 600), project.auth());
        assertThat(croppedAudio.json().get("format").asString())
                .as("audio stays WAV")
                .isEqualTo("wav");
        assertThat(croppedAudio.json().get("length").asInt()).isEqualTo(4000);
        SampleData expectedAudio = SampleFiles.tone(8000, 1000, 200, 400).crop(100, 600);
        assertThat(stored(audio).values()).isEqualTo(expectedAudio.values());
        assertThat(stored(audio).intervalMs()).isEqualTo(expectedAudio.intervalMs());

        UUID image = project.uploadOne("", "cup.png", SampleFiles.png(8, 8));
        ApiClient.Response imageCrop = project.client.post(
                project.base + "/samples/" + image + "/crop", Map.of("startMs", 0, "endMs", 10), project.auth());
        assertThat(imageCrop.status()).isEqualTo(400);
        assertThat(imageCrop.text("code")).isEqualTo("sample-operation-invalid");
        assertThat(imageCrop.text("detail")).contains("image");
        ApiClient.Response outside = project.client.post(
                project.base + "/samples/" + id + "/crop", Map.of("startMs", 5000, "endMs", 6000), project.auth());
        assertThat(outside.status()).isEqualTo(400);
        assertThat(project.client
                        .post(project.base + "/samples/" + id + "/crop", Map.of("startMs", 10), project.auth())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void splitIntoFixedLengthSegments() {
        SampleData original = SampleFiles.accelerometer(31, 100);
        UUID id = project.uploadOne("?label=walk&category=testing", "walk.json", SampleFiles.eiJson(31, 100));
        ApiClient.Response split = project.client.post(
                project.base + "/samples/" + id + "/split", Map.of("mode", "fixed", "lengthMs", 300), project.auth());
        assertThat(split.status()).as(split.body()).isEqualTo(200);
        assertThat(split.json().get("originalDeleted").asBoolean()).isTrue();
        JsonNode segments = split.json().get("samples");
        assertThat(segments.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            JsonNode segment = segments.get(i);
            assertThat(segment.get("name").asString()).isEqualTo("walk." + (i + 1));
            assertThat(segment.get("label").asString()).isEqualTo("walk");
            assertThat(segment.get("category").asString()).isEqualTo("testing");
            assertThat(segment.get("format").asString()).isEqualTo("json");
            assertThat(segment.get("length").asInt()).isEqualTo(30);
            assertThat(stored(UUID.fromString(segment.get("id").asString())))
                    .isEqualTo(original.slice(i * 30, i * 30 + 30));
        }
        assertThat(project.client
                        .get(project.base + "/samples/" + id, project.auth())
                        .status())
                .isEqualTo(404);
        assertThat(project.listAll(""))
                .extracting(s -> s.get("name").asString())
                .containsExactly("walk.1", "walk.2", "walk.3");

        UUID kept = project.uploadOne("", "keep.json", SampleFiles.eiJson(32, 100));
        ApiClient.Response keep = project.client.post(
                project.base + "/samples/" + kept + "/split",
                Map.of("mode", "fixed", "lengthMs", 300, "keepShorterLast", true, "keepOriginal", true),
                project.auth());
        assertThat(keep.json().get("samples").size()).isEqualTo(4);
        assertThat(keep.json().get("samples").get(3).get("length").asInt()).isEqualTo(10);
        assertThat(project.client
                        .get(project.base + "/samples/" + kept, project.auth())
                        .status())
                .isEqualTo(200);

        ApiClient.Response nothing = project.client.post(
                project.base + "/samples/" + kept + "/split",
                Map.of("mode", "fixed", "lengthMs", 5000),
                project.auth());
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(project.client
                        .post(project.base + "/samples/" + kept + "/split", Map.of("mode", "halves"), project.auth())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void splitTheLoudPartsAboveAnEnergyThreshold() {
        // two tone bursts, 200-400 ms and 700-900 ms, in a second of silence
        SampleData first = SampleFiles.tone(8000, 1000, 200, 400);
        float[] values = first.axis(0);
        float[] second = SampleFiles.tone(8000, 1000, 700, 900).axis(0);
        for (int i = 0; i < values.length; i++) {
            values[i] += second[i];
        }
        SampleData twoBursts = SampleData.builder()
                .setSensors(first.sensors())
                .setIntervalMs(first.intervalMs())
                .setValues(new float[][] {values})
                .build();
        UUID id = project.uploadOne("?label=clap", "claps.wav", WavWriter.writePcm16(twoBursts));

        ApiClient.Response split = project.client.post(
                project.base + "/samples/" + id + "/split",
                Map.of("mode", "energy", "thresholdRms", 1000, "minLengthMs", 50),
                project.auth());
        assertThat(split.status()).as(split.body()).isEqualTo(200);
        JsonNode segments = split.json().get("samples");
        assertThat(segments.size()).isEqualTo(2);
        for (JsonNode segment : segments) {
            assertThat(segment.get("format").asString()).isEqualTo("wav");
            assertThat(segment.get("durationMs").asDouble()).isBetween(180.0, 220.0);
            assertThat(segment.get("label").asString()).isEqualTo("clap");
        }
        ApiClient.Response tooHigh = project.client.post(
                project.base + "/samples/" + segments.get(0).get("id").asString() + "/split",
                Map.of("mode", "energy", "thresholdRms", 1e9),
                project.auth());
        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(tooHigh.text("detail")).contains("no segment");
    }

    @Test
    void bulkActionsApplyToAFilterOrToIds() {
        for (int i = 0; i < 6; i++) {
            project.uploadOne("", (i < 4 ? "idle." : "wave.") + i + ".json", SampleFiles.eiJson(40 + i, 10));
        }
        String bulk = project.base + "/samples/bulk";
        ApiClient.Response relabel = project.client.post(
                bulk, Map.of("filter", Map.of("label", "idle"), "action", "relabel", "label", "rest"), project.auth());
        assertThat(relabel.status()).as(relabel.body()).isEqualTo(200);
        assertThat(relabel.json().get("matched").asInt()).isEqualTo(4);
        assertThat(relabel.json().get("affected").asInt()).isEqualTo(4);
        assertThat(project.listAll("?label=rest")).hasSize(4);
        assertThat(project.listAll("?label=idle")).isEmpty();

        List<String> waveIds = project.listAll("?label=wave").stream()
                .map(s -> s.get("id").asString())
                .toList();
        ApiClient.Response move = project.client.post(
                bulk, Map.of("ids", waveIds, "action", "move", "category", "testing"), project.auth());
        assertThat(move.json().get("affected").asInt()).isEqualTo(2);
        assertThat(project.listAll("?category=testing")).hasSize(2);

        assertThat(project.client
                        .post(
                                bulk,
                                Map.of("filter", Map.of("category", "training", "name", "idle.1"), "action", "disable"),
                                project.auth())
                        .json()
                        .get("affected")
                        .asInt())
                .isEqualTo(1);
        assertThat(project.listAll("?enabled=false")).hasSize(1);
        assertThat(project.client
                        .post(bulk, Map.of("filter", Map.of(), "action", "enable"), project.auth())
                        .json()
                        .get("matched")
                        .asInt())
                .isEqualTo(6);
        assertThat(project.listAll("?enabled=false")).isEmpty();

        Map<String, Object> unlabel = new HashMap<>();
        unlabel.put("ids", List.of(waveIds.get(0)));
        unlabel.put("action", "relabel");
        unlabel.put("label", null);
        assertThat(project.client
                        .post(bulk, unlabel, project.auth())
                        .json()
                        .get("affected")
                        .asInt())
                .isEqualTo(1);
        assertThat(project.listAll("?unlabeled=true")).hasSize(1);

        ApiClient.Response delete = project.client.post(
                bulk, Map.of("filter", Map.of("label", "rest"), "action", "delete"), project.auth());
        assertThat(delete.json().get("affected").asInt()).isEqualTo(4);
        assertThat(project.listAll("")).hasSize(2);

        assertThat(project.client
                        .post(bulk, Map.of("action", "delete"), project.auth())
                        .status())
                .isEqualTo(400);
        assertThat(project.client
                        .post(bulk, Map.of("filter", Map.of(), "action", "relabel"), project.auth())
                        .status())
                .isEqualTo(400);
        assertThat(project.client
                        .post(bulk, Map.of("filter", Map.of(), "action", "move"), project.auth())
                        .status())
                .isEqualTo(400);
        assertThat(project.client
                        .post(bulk, Map.of("filter", Map.of("colour", "red"), "action", "delete"), project.auth())
                        .status())
                .isEqualTo(400);
        assertThat(project.listAll("")).hasSize(2);
    }

    @Test
    void summaryCountsPerLabelAndCategoryAndRebalanceMakesItEightyTwenty() {
        for (int i = 0; i < 10; i++) {
            project.uploadOne("?category=training", "a." + i + ".json", SampleFiles.eiJson(60 + i, 10 + i));
        }
        for (int i = 0; i < 5; i++) {
            project.uploadOne("?category=testing", "b." + i + ".json", SampleFiles.eiJson(80 + i, 20));
        }
        project.uploadOne("?category=anomaly&noLabel=true", "odd.json", SampleFiles.eiJson(90, 50));

        ApiClient.Response summary = project.client.get(project.base + "/dataset/summary", project.auth());
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        JsonNode s = summary.json();
        assertThat(s.get("total").get("count").asInt()).isEqualTo(16);
        double aDuration = 0;
        for (int i = 0; i < 10; i++) {
            aDuration += (10 + i) * 10;
        }
        JsonNode a = label(s, "a");
        assertThat(a.get("training").get("count").asInt()).isEqualTo(10);
        assertThat(a.get("training").get("durationMs").asDouble()).isEqualTo(aDuration);
        assertThat(a.get("testing").get("count").asInt()).isZero();
        assertThat(label(s, "b").get("testing").get("count").asInt()).isEqualTo(5);
        assertThat(label(s, null).get("anomaly").get("count").asInt()).isEqualTo(1);
        assertThat(s.get("trainTest").get("training").asInt()).isEqualTo(10);
        assertThat(s.get("trainTest").get("testing").asInt()).isEqualTo(5);
        assertThat(s.get("trainTest").get("trainingShare").asDouble()).isCloseTo(10 / 15.0, Offset.offset(1e-9));

        ApiClient.Response rebalanced =
                project.client.post(project.base + "/dataset/rebalance", Map.of(), project.auth());
        assertThat(rebalanced.status()).as(rebalanced.body()).isEqualTo(200);
        assertThat(rebalanced.json().get("movedToTesting").asInt()).isEqualTo(2);
        assertThat(rebalanced.json().get("movedToTraining").asInt()).isEqualTo(4);
        JsonNode after = rebalanced.json().get("summary");
        assertThat(label(after, "a").get("training").get("count").asInt()).isEqualTo(8);
        assertThat(label(after, "a").get("testing").get("count").asInt()).isEqualTo(2);
        assertThat(label(after, "b").get("training").get("count").asInt()).isEqualTo(4);
        assertThat(label(after, "b").get("testing").get("count").asInt()).isEqualTo(1);
        assertThat(label(after, null).get("anomaly").get("count").asInt())
                .as("anomaly stays")
                .isEqualTo(1);

        // decided by content hash: label a's two with the lowest SHA-256 went to testing
        List<JsonNode> aSamples = project.listAll("?label=a");
        List<String> lowest = aSamples.stream()
                .map(x -> x.get("sha256").asString())
                .sorted()
                .limit(2)
                .toList();
        assertThat(aSamples.stream()
                        .filter(x -> x.get("category").asString().equals("testing"))
                        .map(x -> x.get("sha256").asString())
                        .sorted()
                        .toList())
                .isEqualTo(lowest);

        ApiClient.Response again = project.client.post(project.base + "/dataset/rebalance", Map.of(), project.auth());
        assertThat(again.json().get("movedToTesting").asInt()
                        + again.json().get("movedToTraining").asInt())
                .isZero();
    }

    private static JsonNode label(JsonNode summary, String label) {
        for (JsonNode row : summary.get("labels")) {
            if (label == null
                    ? row.get("label").isNull()
                    : label.equals(row.get("label").asString())) {
                return row;
            }
        }
        throw new AssertionError("no label " + label + " in " + summary);
    }
}
