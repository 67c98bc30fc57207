package dev.edgeforge.training.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue #12, part 6: on real recordings, the impulse suggested from the data and the default learning block and
 * training — nothing tuned per dataset — reach the int8 targets. Each test trains once (a few minutes at most
 * on a 2-core machine) and prints the figures.
 */
class RealDataDefaultsIT {

    private final RealDataExperiment experiment = new RealDataExperiment(RealDataDefaultsIT::log);

    @Test
    void gesturesFromTheLastLinesReachTheTargetInInt8() {
        RealSplit split = RealDatasets.uwaveLastLines(RealDatasets.uwave(), 196);

        RealDataExperiment.Result result = experiment.run(ProposedDefaults.config(), split);

        log(result.row());
        assertThat(result.testSamples()).isEqualTo(196);
        assertThat(result.int8Accuracy())
                .as("int8 top-1 on the last 196 uWave recordings")
                .isGreaterThanOrEqualTo(0.93);
        assertThat(result.agreement()).as("int8 agrees with float32").isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void spokenDigitsOfTheStandardSplitReachTheTargetInInt8() {
        RealSplit split = RealDatasets.fsddStandard(RealDatasets.fsdd());

        RealDataExperiment.Result result = experiment.run(ProposedDefaults.config(), split);

        log(result.row());
        assertThat(result.testSamples()).isEqualTo(150);
        assertThat(result.int8SampleAccuracy())
                .as("int8 top-1 per recording on fsdd's test split")
                .isGreaterThanOrEqualTo(0.97);
        assertThat(result.int8Accuracy()).as("int8 top-1 per window").isGreaterThanOrEqualTo(0.97);
        assertThat(result.agreement()).as("int8 agrees with float32").isGreaterThanOrEqualTo(0.97);
    }

    private static void log(String line) {
        System.out.println(String.format(Locale.ROOT, "[real data] %s", line));
    }
}
