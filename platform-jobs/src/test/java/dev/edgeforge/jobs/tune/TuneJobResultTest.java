package dev.edgeforge.jobs.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.jobs.JobJson;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Measured costs replace a candidate's estimate (kept beside them), its fit is judged again on them, a candidate the
 * firmware shows over budget moves behind the fitting ones, and the result still reads as JSON.
 */
class TuneJobResultTest {

    private static final TuneLimits LIMITS = new TuneLimits(20.0, 32_000, 128_000);

    private static TuneCandidate candidate(String id, double accuracy, double latency, long ram) {
        List<String> exceeds = LIMITS.exceeded(latency, ram, 60_000);
        return new TuneCandidate(
                id,
                id + " description",
                null,
                null,
                0.001,
                4,
                0,
                List.of(10, 3),
                accuracy,
                latency,
                ram,
                60_000,
                false,
                exceeds.isEmpty(),
                exceeds,
                1000,
                null,
                null);
    }

    private static TuneMeasurement measurement(String id, long instructions, long ram, long flash) {
        return new TuneMeasurement(
                id,
                true,
                8,
                instructions,
                instructions / 4,
                instructions - instructions / 4,
                instructions / 120_000.0,
                ram,
                ram - 6000,
                flash,
                4096,
                "8 raw validation windows");
    }

    @Test
    void measuredCostsReplaceTheEstimateAndTheFitIsJudgedAgain() {
        TuneJobResult result = new TuneJobResult(
                "nucleo-l4r5zi",
                LIMITS,
                TuneObjective.ACCURACY,
                42,
                80,
                20,
                6,
                3,
                60,
                true,
                List.of(
                        candidate("c02", 0.9, 5, 30_000),
                        candidate("c01", 0.8, 4, 20_000),
                        candidate("c03", 0.5, 40, 20_000)),
                "c02",
                List.of());
        UUID job = UUID.randomUUID();
        TuneMeasureResult measured = new TuneMeasureResult(
                job,
                "nucleo-l4r5zi",
                "netduinoplus2-qemu",
                List.of(measurement("c02", 600_000, 33_000, 61_000), measurement("c01", 480_000, 19_000, 58_000)),
                List.of());

        TuneJobResult merged = result.measured(measured);

        assertThat(merged.candidates()).extracting(TuneCandidate::id).containsExactly("c01", "c02", "c03");
        assertThat(merged.best()).isEqualTo("c01");
        TuneCandidate c02 = merged.candidate("c02").orElseThrow();
        assertThat(c02.measured()).isTrue();
        assertThat(c02.fitsBudget()).as("33,000 B measured is over 32,000").isFalse();
        assertThat(c02.exceeds()).containsExactly("ram");
        assertThat(c02.latencyMs()).isEqualTo(5.0);
        assertThat(c02.ramBytes()).isEqualTo(33_000);
        assertThat(c02.flashBytes()).isEqualTo(61_000);
        assertThat(c02.estimate()).isEqualTo(new TuneCandidate.Estimate(5, 30_000, 60_000));
        assertThat(merged.candidate("c03").orElseThrow().measured()).isFalse();
        assertThat(merged.candidate("c03").orElseThrow().estimate()).isNull();

        TuneJobResult read = JobJson.mapper().readValue(JobJson.write(merged), TuneJobResult.class);
        assertThat(read.candidate("c02").orElseThrow().measurement().instructions())
                .isEqualTo(600_000);
        assertThat(read.candidate("c02").orElseThrow().estimate().ramBytes()).isEqualTo(30_000);
    }
}
