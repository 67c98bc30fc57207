package dev.edgeforge.firmware.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.firmware.MlperfTiny;
import org.junit.jupiter.api.Test;

/** The estimate against TFLM's measured smallest arenas of the MLPerf Tiny models (their README). */
class TflmArenaEstimateTest {

    @Test
    void coversTflmsMeasuredArenaWithoutWastingMuch() {
        for (MlperfTiny.Model model : MlperfTiny.MODELS) {
            int estimate = TflmArenaEstimate.of(MlperfTiny.graph(model));
            System.out.printf(
                    "%-8s estimate %7d B, TFLM measured %7d B (%+.0f %%), greedy plan %d B%n",
                    model.shortName(),
                    estimate,
                    model.tflmArenaBytes(),
                    100.0 * (estimate - model.tflmArenaBytes()) / model.tflmArenaBytes(),
                    TflmArenaEstimate.greedyPlan(MlperfTiny.graph(model)));
            assertThat(estimate).as(model.shortName()).isGreaterThanOrEqualTo(model.tflmArenaBytes());
            assertThat(estimate).as(model.shortName()).isLessThanOrEqualTo(model.tflmArenaBytes() * 3 / 2);
        }
    }
}
