package dev.edgeforge.firmware.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.firmware.qemu.QemuRunner;
import dev.edgeforge.jobs.estimate.DspCosts;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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

    /**
     * The banner's counter is named after what it counts: QEMU without {@code -icount shift=0} runs TIM2 on the
     * host's clock, and the image (which checks at boot) says {@code ns}, not {@code instr}.
     */
    @Test
    void withoutIcountTheBoardSaysItsCounterCountsNanosecondsNotInstructions() throws Exception {
        DeviceDspCounts.Case raw = DeviceDspCounts.defaults().stream()
                .filter(c -> c.name().startsWith("raw"))
                .findFirst()
                .orElseThrow();
        Path elf = DeviceDspCounts.image(raw, work.resolve("no-icount"));
        List<String> command = new ArrayList<>(QemuRunner.builder().build().command(elf));
        int icount = command.indexOf("-icount");
        command.remove(icount + 1);
        command.remove(icount);

        Process qemu = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        String output = new String(qemu.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!qemu.waitFor(2, TimeUnit.MINUTES)) {
            qemu.destroyForcibly();
        }

        assertThat(output)
                .contains("counter=ns")
                .doesNotContain("counter=instr")
                .contains("exit 0");
    }
}
