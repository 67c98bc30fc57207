package dev.edgeforge.firmware.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.jobs.estimate.DspCosts;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The estimator's DSP instructions hold: every time-series block's C twin at its default settings (and the
 * spoken-digits and keyword-spotting MFCCs), built as the firmware builds it and counted in the emulator
 * ({@link DeviceDspCounts}), takes within 15 % of what {@link DspCosts} says. Prints the measured figures.
 */
class DspInstructionsIT {

    private static final double TOLERANCE = 0.15;

    @TempDir
    static Path work;

    static List<DeviceDspCounts.Case> defaults() {
        return DeviceDspCounts.defaults();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void theEstimatorsDspInstructionsAreWithin15PercentOfTheEmulatorsCount(DeviceDspCounts.Case c) throws Exception {
        DeviceDspCounts.Count count =
                DeviceDspCounts.count(c, work.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "-")));

        assertThat(count.counterUnit())
                .as("the banner's counter under -icount shift=0")
                .isEqualTo("instr");
        assertThat(count.second()).as("repeatable").isEqualTo(count.first());
        long measured = count.first();
        double estimated = DspCosts.instructions(c.params().createBlock(), c.shape(), c.sample());
        System.out.printf(
                Locale.ROOT,
                "DSP instructions per window, %s: measured %,d, estimated %,.0f (%+.1f %%)%n",
                c.name(),
                measured,
                estimated,
                100 * (estimated - measured) / measured);
        assertThat(estimated).isBetween(measured * (1 - TOLERANCE), measured * (1 + TOLERANCE));
    }
}
