package dev.edgeforge.core.format.labels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.hostile.Mutant;
import dev.edgeforge.core.hostile.Mutations;
import dev.edgeforge.core.hostile.ParseGuard;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile labels sidecars ({@code info.labels}, {@code bounding_boxes.labels}): 10,000 damaged and malicious files
 * through {@link LabelsFiles#read(byte[])} are each read or refused with a {@link SampleFormatException}, within a
 * second of CPU and a bounded allocation. Besides byte-level mutations: nesting thousands of levels deep, numbers
 * beyond every range as coordinates and indexes, wrong types everywhere, duplicate keys, invalid UTF-8.
 */
class LabelsHostileInputTest {

    private static final ParseGuard GUARD = ParseGuard.forParser(SampleFormatException.class);

    @Property(tries = 10_000)
    void everyHostileLabelsFileIsReadOrRefusedWithinBounds(@ForAll("hostileLabels") Mutant labels) {
        ParseGuard.Outcome outcome = GUARD.run(labels, LabelsFiles::read);
        if (outcome.accepted()) {
            assertThat(outcome.value()).isInstanceOfAny(InfoLabels.class, BoundingBoxLabels.class);
        }
        Statistics.label("outcome").collect(outcome.kind());
        Statistics.label("outcome")
                .coverage(coverage -> coverage.check("accepted").count(n -> n > 0));
    }

    @Provide
    Arbitrary<Mutant> hostileLabels() {
        InfoLabels info = new InfoLabels(List.of(
                new InfoLabelsEntry(
                        "idle.1.json",
                        Optional.of("idle.1"),
                        "training",
                        Optional.of(new SampleLabel.Single("idle")),
                        Map.of("site", "A"),
                        List.of()),
                new InfoLabelsEntry(
                        "speech.wav",
                        Optional.empty(),
                        "testing",
                        Optional.of(new SampleLabel.Multi(
                                List.of(new LabelRange("noise", 0, 1000), new LabelRange("speech", 1000, 2500)))),
                        Map.of(),
                        List.of()),
                new InfoLabelsEntry(
                        "car.jpg",
                        Optional.empty(),
                        "split",
                        Optional.of(new SampleLabel.Unlabeled()),
                        Map.of(),
                        List.of(new BoundingBox("car", 10, 20, 30, 41)))));
        BoundingBoxLabels boxes = new BoundingBoxLabels(Map.of(
                "faces.jpg",
                List.of(new BoundingBox("face", 119, 64, 206, 291), new BoundingBox("face", 377, 270, 158, 165))));
        List<Mutant> seeds = List.of(
                new Mutant("info.labels", LabelsFiles.writeInfoLabels(info)),
                new Mutant("bounding_boxes.labels", LabelsFiles.writeBoundingBoxLabels(boxes)));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Mutations.of(seeds)),
                Tuple.of(1, Arbitraries.randomValue(LabelsHostileInputTest::malicious)));
    }

    /** A file built around one weakness of JSON readers. */
    private static Mutant malicious(Random random) {
        int depth = 100 + random.nextInt(8_000);
        String[] numbers = {
            "1e999999999",
            "-" + "9".repeat(depth),
            "1e-400",
            "9007199254740993",
            "-0",
            "0.5",
            "2147483648",
            "NaN",
            "1e15"
        };
        String n = numbers[random.nextInt(numbers.length)];
        String shown = n.length() > 20 ? n.substring(0, 16) + "…" : n;
        return switch (random.nextInt(6)) {
            case 0 ->
                text(
                        depth + " nested arrays as the label",
                        "{\"version\":1,\"files\":[{\"path\":\"a.json\"," + "\"category\":\"training\",\"label\":"
                                + "[".repeat(depth) + "]".repeat(depth) + "}]}");
            case 1 ->
                text(
                        depth + " nested objects as metadata",
                        "{\"version\":1,\"files\":[{\"path\":\"a.json\","
                                + "\"category\":\"training\",\"metadata\":" + "{\"a\":".repeat(depth) + "1"
                                + "}".repeat(depth)
                                + "}]}");
            case 2 ->
                text(
                        "the box coordinate " + shown,
                        "{\"version\":1,\"type\":\"bounding-box-labels\","
                                + "\"boundingBoxes\":{\"a.jpg\":[{\"label\":\"x\",\"x\":" + n + ",\"y\":0,\"width\":"
                                + n
                                + ",\"height\":1}]}}");
            case 3 ->
                text(
                        "the label range index " + shown,
                        "{\"version\":1,\"files\":[{\"path\":\"a.wav\",\"category\":\"training\","
                                + "\"label\":{\"type\":\"multi-label\",\"labels\":[{\"label\":\"x\","
                                + "\"startIndex\":" + n + ",\"endIndex\":" + n + "}]}}]}");
            case 4 -> text("the version " + shown, "{\"version\":" + n + ",\"files\":[]}");
            default -> {
                String[] values = {"null", "true", "[]", "{}", "\"\"", "\"\\u0000\"", "1", "\"\\ud800\""};
                String v = values[random.nextInt(values.length)];
                String[] fields = {"path", "name", "category", "label", "metadata", "boundingBoxes"};
                String f = fields[random.nextInt(fields.length)];
                yield text(
                        f + " set to " + v,
                        "{\"version\":1,\"files\":[{\"path\":\"a.json\",\"category\":" + "\"training\",\"" + f + "\":"
                                + v + "}]}");
            }
        };
    }

    private static Mutant text(String how, String text) {
        return new Mutant(how, text.getBytes(StandardCharsets.UTF_8));
    }
}
