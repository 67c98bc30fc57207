package dev.edgeforge.core.format.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.format.SampleArbitraries;
import dev.edgeforge.core.format.SampleFormatException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LabelsFilesTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String error(String json) {
        try {
            LabelsFiles.read(utf8(json));
        } catch (SampleFormatException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a SampleFormatException");
    }

    @Test
    void readsTheDocumentedInfoLabels() {
        String json = """
                {
                  "version": 1,
                  "files": [
                    {"path": "road100.png", "category": "split", "label": {"type": "unlabeled"},
                     "metadata": {"Cropped": "Yes", "site": 7, "ok": true}},
                    {"path": "training/idle.01.json", "name": "idle.01", "category": "training",
                     "label": {"type": "label", "label": "idle"}},
                    {"path": "testing/mix.wav", "category": "testing",
                     "label": {"type": "multi-label", "labels": [
                       {"label": "noise", "startIndex": 0, "endIndex": 1000},
                       {"label": "speech", "startIndex": 1000, "endIndex": 2500}]}},
                    {"path": "cars.jpg", "category": "training", "label": {"type": "label", "label": "car"},
                     "boundingBoxes": [{"label": "car", "x": 10, "y": 20.4, "width": 30, "height": 40.6}]}
                  ]
                }
                """;
        InfoLabels labels = (InfoLabels) LabelsFiles.read(utf8(json));
        assertThat(labels.files()).hasSize(4);
        InfoLabelsEntry road = labels.files().get(0);
        assertThat(road.label()).contains(new SampleLabel.Unlabeled());
        assertThat(road.metadata())
                .containsExactlyInAnyOrderEntriesOf(Map.of("Cropped", "Yes", "site", "7", "ok", "true"));
        assertThat(labels.files().get(1).name()).contains("idle.01");
        assertThat(labels.files().get(1).label()).contains(new SampleLabel.Single("idle"));
        assertThat(labels.files().get(2).label())
                .contains(new SampleLabel.Multi(
                        List.of(new LabelRange("noise", 0, 1000), new LabelRange("speech", 1000, 2500))));
        assertThat(labels.files().get(3).boundingBoxes()).containsExactly(new BoundingBox("car", 10, 20, 30, 41));
    }

    @Test
    void readsTheDocumentedBoundingBoxLabels() {
        String json = """
                {
                    "version": 1,
                    "type": "bounding-box-labels",
                    "boundingBoxes": {
                        "mypicture.jpg": [{"label": "face", "x": 119, "y": 64, "width": 206, "height": 291},
                                          {"label": "face", "x": 377, "y": 270, "width": 158, "height": 165}],
                        "empty.jpg": []
                    }
                }
                """;
        BoundingBoxLabels labels = (BoundingBoxLabels) LabelsFiles.read(utf8(json));
        assertThat(labels.boundingBoxes().get("mypicture.jpg"))
                .containsExactly(
                        new BoundingBox("face", 119, 64, 206, 291), new BoundingBox("face", 377, 270, 158, 165));
        assertThat(labels.boundingBoxes().get("empty.jpg")).isEmpty();
    }

    @Test
    void errorsNameThePath() {
        assertThat(error("[1]")).contains("a labels file is a JSON object");
        assertThat(error("{\"version\":1,")).contains("not valid JSON");
        assertThat(error("{\"files\":[]}")).contains("version is missing");
        assertThat(error("{\"version\":2,\"files\":[]}")).contains("version 2 is not supported");
        // numbers past the int or double range: refused with the path, not an exception of the JSON library
        assertThat(error("{\"version\":2147483648,\"files\":[]}")).contains("version 2147483648 is not supported");
        assertThat(error("{\"version\":-99999999999999999999,\"files\":[]}")).contains("is not supported");
        String huge = "9".repeat(400);
        assertThat(error("{\"version\":1,\"type\":\"bounding-box-labels\",\"boundingBoxes\":{\"a.jpg\":"
                        + "[{\"label\":\"c\",\"x\":" + huge + ",\"y\":0,\"width\":1,\"height\":1}]}}"))
                .contains("boundingBoxes['a.jpg'][0].x: " + huge + " is not a pixel coordinate");
        assertThat(error("{\"version\":1,\"files\":[{\"path\":\"a\",\"category\":\"training\",\"label\":"
                        + "{\"type\":\"multi-label\",\"labels\":[{\"label\":\"x\",\"startIndex\":-" + huge + ","
                        + "\"endIndex\":5}]}}]}"))
                .contains("files[0].label.labels[0].startIndex: expected a whole number");
        assertThat(error("{\"version\":1}")).contains("neither an info.labels");
        assertThat(error("{\"version\":1,\"files\":{}}")).contains("files: expected an array, found an object");
        assertThat(error("{\"version\":1,\"files\":[{\"category\":\"training\"}]}"))
                .contains("files[0].path is missing");
        assertThat(error("{\"version\":1,\"files\":[{\"path\":\"a\",\"category\":\"validation\"}]}"))
                .contains("files[0].category 'validation' is not one of");
        assertThat(error("{\"version\":1,\"files\":[{\"path\":\"a\",\"category\":\"training\","
                        + "\"label\":{\"type\":\"tag\"}}]}"))
                .contains("files[0].label.type 'tag' is not 'label'");
        assertThat(error("{\"version\":1,\"files\":[{\"path\":\"a\",\"category\":\"training\","
                        + "\"label\":{\"type\":\"label\"}}]}"))
                .contains("files[0].label.label is missing");
        assertThat(error("{\"version\":1,\"files\":[{\"path\":\"a\",\"category\":\"training\","
                        + "\"label\":{\"type\":\"multi-label\",\"labels\":[{\"label\":\"x\",\"startIndex\":5,"
                        + "\"endIndex\":5}]}}]}"))
                .contains("files[0].label.labels[0]: label range 'x' [5, 5)");
        assertThat(error("{\"version\":1,\"files\":[{\"path\":\"a\",\"category\":\"training\","
                        + "\"metadata\":{\"k\":{}}}]}"))
                .contains("files[0].metadata.k: metadata values are text");
        assertThat(error("{\"version\":1,\"files\":[{\"path\":\"a\",\"category\":\"training\","
                        + "\"boundingBoxes\":[{\"label\":\"c\",\"x\":\"1\",\"y\":0,\"width\":1,\"height\":1}]}]}"))
                .contains("files[0].boundingBoxes[0].x: expected a number, found a string");
        assertThat(error("{\"version\":1,\"type\":\"bounding-box-labels\",\"boundingBoxes\":{\"a.jpg\":"
                        + "[{\"label\":\"c\",\"x\":0,\"y\":0,\"width\":0,\"height\":1}]}}"))
                .contains("boundingBoxes['a.jpg'][0]: bounding box 'c' has size 0x1");
        assertThat(error("{\"version\":1,\"type\":\"boxes\",\"boundingBoxes\":{}}"))
                .contains("type 'boxes' is not 'bounding-box-labels'");
        assertThat(error("{\"version\":1,\"type\":\"bounding-box-labels\",\"boundingBoxes\":{\"a\":[],\"a\":[]}}"))
                .contains("Duplicate");
        assertThat(error("{\"version\":1,\"type\":\"bounding-box-labels\"}")).contains("boundingBoxes is missing");
    }

    private static Arbitrary<BoundingBox> boxes() {
        return Combinators.combine(
                        SampleArbitraries.names(),
                        Arbitraries.integers().between(-10, 5000),
                        Arbitraries.integers().between(-10, 5000),
                        Arbitraries.integers().between(1, 5000),
                        Arbitraries.integers().between(1, 5000))
                .as(BoundingBox::new);
    }

    private static Arbitrary<SampleLabel> labels() {
        Arbitrary<SampleLabel> multi = Arbitraries.integers()
                .between(0, 100_000)
                .list()
                .ofMinSize(0)
                .ofMaxSize(4)
                .map(starts -> new SampleLabel.Multi(starts.stream()
                        .map(s -> new LabelRange("l" + s, s, s + 1 + s % 7))
                        .toList()));
        return Arbitraries.oneOf(
                Arbitraries.just(new SampleLabel.Unlabeled()),
                Arbitraries.strings().ofMaxLength(10).map(SampleLabel.Single::new),
                multi);
    }

    @Provide
    Arbitrary<InfoLabels> infoLabels() {
        Arbitrary<InfoLabelsEntry> entry = Combinators.combine(
                        SampleArbitraries.names().map(n -> "training/" + n + ".json"),
                        SampleArbitraries.names().optional(),
                        Arbitraries.of(InfoLabelsEntry.CATEGORIES),
                        labels().optional(),
                        Arbitraries.maps(
                                        SampleArbitraries.names(),
                                        Arbitraries.strings().ofMaxLength(8))
                                .ofMaxSize(3),
                        boxes().list().ofMaxSize(3),
                        Arbitraries.of(true, false).optional())
                .as(InfoLabelsEntry::new);
        return entry.list().ofMaxSize(5).map(InfoLabels::new);
    }

    @Provide
    Arbitrary<BoundingBoxLabels> boundingBoxLabels() {
        return Arbitraries.maps(
                        SampleArbitraries.names().map(n -> n + ".jpg"),
                        boxes().list().ofMaxSize(4))
                .ofMaxSize(5)
                .map(BoundingBoxLabels::new);
    }

    @Property(tries = 200)
    void infoLabelsRoundTrip(@ForAll("infoLabels") InfoLabels labels) {
        byte[] json = LabelsFiles.writeInfoLabels(labels);
        assertThat(LabelsFiles.readInfoLabels(json)).isEqualTo(labels);
        assertThat(LabelsFiles.read(json)).isEqualTo(labels);
    }

    @Property(tries = 200)
    void boundingBoxLabelsRoundTrip(@ForAll("boundingBoxLabels") BoundingBoxLabels labels) {
        byte[] json = LabelsFiles.writeBoundingBoxLabels(labels);
        BoundingBoxLabels back = LabelsFiles.readBoundingBoxLabels(json);
        assertThat(back).isEqualTo(labels);
        assertThat(List.copyOf(back.boundingBoxes().keySet()))
                .isEqualTo(List.copyOf(labels.boundingBoxes().keySet()));
        assertThat(LabelsFiles.read(json)).isEqualTo(labels);
    }

    @Test
    void writtenInfoLabelsUseEdgeImpulseFieldNames() {
        InfoLabels labels = new InfoLabels(List.of(new InfoLabelsEntry(
                "idle.1.json",
                Optional.empty(),
                "training",
                Optional.of(new SampleLabel.Single("idle")),
                Map.of(),
                List.of())));
        String json = new String(LabelsFiles.writeInfoLabels(labels), StandardCharsets.UTF_8).replaceAll("\\s", "");
        assertThat(json)
                .isEqualTo("{\"version\":1,\"files\":[{\"path\":\"idle.1.json\",\"category\":\"training\","
                        + "\"label\":{\"type\":\"label\",\"label\":\"idle\"},\"boundingBoxes\":[]}]}");
    }

    @Test
    void aStudioEntryReadsAsWrittenAndADisabledSampleSaysSo() {
        byte[] studio =
                ("{\"version\":1,\"files\":[{\"path\":\"testing/unknown.4ad2uf7n.ingestion-6c557c666b-v6vg7.json\","
                                + "\"category\":\"testing\",\"label\":{\"type\":\"label\",\"label\":\"unknown\"},"
                                + "\"boundingBoxes\":[]},{\"path\":\"idle.json\",\"category\":\"training\","
                                + "\"label\":{\"type\":\"label\",\"label\":\"idle\"},\"enabled\":false}]}")
                        .getBytes(StandardCharsets.UTF_8);
        InfoLabels labels = LabelsFiles.readInfoLabels(studio);
        assertThat(labels.files().get(0).enabled()).isEmpty();
        assertThat(labels.files().get(0).label()).contains(new SampleLabel.Single("unknown"));
        assertThat(labels.files().get(1).enabled()).contains(false);
        assertThat(LabelsFiles.readInfoLabels(LabelsFiles.writeInfoLabels(labels)))
                .isEqualTo(labels);
        assertThatThrownBy(() -> LabelsFiles.readInfoLabels(
                        ("{\"version\":1,\"files\":[{\"path\":\"a.json\",\"category\":\"training\","
                                        + "\"enabled\":\"no\"}]}")
                                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SampleFormatException.class)
                .hasMessageContaining("files[0].enabled: expected true or false");
    }
}
