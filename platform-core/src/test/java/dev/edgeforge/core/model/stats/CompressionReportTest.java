package dev.edgeforge.core.model.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.SmallFloatModels;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import dev.edgeforge.core.tflite.TfliteWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CompressionReportTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void measuresVariantsAndRoundTripsThroughJson() {
        ModelGraph float32 = SmallFloatModels.denseNet(3, 8, 3);
        Random random = new Random(4);
        List<float[]> calibration = new ArrayList<>();
        float[][] test = new float[60][];
        for (int i = 0; i < 60; i++) {
            calibration.add(SmallFloatModels.randomInput(random, 8));
            test[i] = SmallFloatModels.randomInput(random, 8);
        }
        ModelGraph int8 = new PostTrainingQuantizer().quantize(float32, calibration);
        // The float graph's own predictions as labels: float32 scores 100 %, int8 close to it.
        int[] labels = new int[test.length];
        GraphPredictor predictor = new GraphPredictor(float32);
        for (int i = 0; i < test.length; i++) {
            labels[i] = GraphPredictor.argmax(predictor.predict(test[i]));
        }

        CompressionReport report = new CompressionReport(
                List.of("a", "b", "c"),
                test.length,
                List.of(
                        ModelVariant.measure(CompressionMethod.BASELINE, "trained model", float32, test, labels),
                        ModelVariant.measure(CompressionMethod.BASELINE, "quantized", int8, test, labels)));

        ModelVariant f = report.variant("float32").orElseThrow();
        ModelVariant q = report.variant("int8").orElseThrow();
        assertThat(f.testAccuracy()).isEqualTo(1.0);
        assertThat(q.testAccuracy()).isGreaterThan(0.9);
        assertThat(f.precision()).isEqualTo("float32");
        assertThat(q.precision()).isEqualTo("int8");
        assertThat(f.parameters()).isEqualTo(q.parameters()).isEqualTo(8 * 16 + 16 + 16 * 3 + 3);
        assertThat(f.weightBytes()).isEqualTo(195 * 4);
        assertThat(q.weightBytes()).isEqualTo(8 * 16 + 16 * 3 + 4 * (16 + 3));
        assertThat(f.macs()).isEqualTo(q.macs()).isEqualTo(176);
        assertThat(q.activationLowerBound()).isEqualTo(f.activationLowerBound() / 4);
        assertThat(f.tfliteBytes()).isEqualTo(new TfliteWriter().write(float32).length);
        assertThat(q.tfliteBytes()).isLessThan(f.tfliteBytes());

        String text = json.writeValueAsString(report);
        JsonNode tree = json.readTree(text);
        assertThat(tree.get("variants").get(1).get("method").asString()).isEqualTo("baseline");
        assertThat(tree.get("variants")
                        .get(1)
                        .get("weightBytesByType")
                        .get("int8")
                        .asLong())
                .isEqualTo(176);
        assertThat(json.readValue(text, CompressionReport.class)).isEqualTo(report);
    }

    @Test
    void variantNamesAreUniqueAndFollowTheMethod() {
        assertThat(CompressionMethod.STRUCTURED_PRUNING.variantName(true)).isEqualTo("structured-pruning-int8");
        assertThat(CompressionMethod.DISTILLATION.variantName(false)).isEqualTo("distillation");
        ModelVariant v =
                new ModelVariant("int8", CompressionMethod.BASELINE, "int8", "", null, 1, 1, Map.of(), 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> new CompressionReport(List.of(), 0, List.of(v, v)))
                .hasMessageContaining("two variants are named 'int8'");
        assertThat(new CompressionReport(List.of(), 0, List.of(v)).variant("float32"))
                .isEmpty();
    }
}
