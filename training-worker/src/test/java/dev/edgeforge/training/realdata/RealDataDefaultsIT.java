package dev.edgeforge.training.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.suggest.ImpulseSuggester;
import dev.edgeforge.core.impulse.suggest.SampleSummary;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.sample.SampleData;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #12, part 6: on real recordings, the platform's own impulse suggestion ({@link ImpulseSuggester}), its
 * suggested learning block and the default training ({@link Hyperparameters#defaultsFor}) — nothing tuned per dataset,
 * no setting changed — reach the int8 targets. Each test trains once (1–2 minutes on a 2-core machine) and
 * prints the figures.
 */
class RealDataDefaultsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A little under the int8 top-1 the defaults measured on an unseen speaker (0.906, see the test). */
    private static final double HELD_OUT_SPEAKER_FLOOR = 0.87;

    private final RealDataExperiment experiment = new RealDataExperiment(RealDataDefaultsIT::log);

    /** What a project gets without changing a setting: the suggested impulse and learning block, default training. */
    static RealDataExperiment.Config platformDefaults() {
        return new RealDataExperiment.Config(
                "platform defaults",
                RealDataDefaultsIT::suggestedImpulse,
                input -> LearningBlock.defaultsFor(LearningBlock.Kind.CLASSIFICATION, input.kind(), input.shape()),
                input -> Hyperparameters.defaultsFor(input.kind(), input.shape()));
    }

    /** The suggestion for the training samples, as saved (version 1); its learning block is the one trained. */
    private static Impulse suggestedImpulse(List<SampleData> training) {
        Impulse impulse = ImpulseSuggester.suggest(
                        training.stream().map(SampleSummary::of).toList())
                .impulse()
                .withVersion(1);
        RealDataExperiment.FeatureInput input = RealDataExperiment.featureInput(impulse);
        LearningBlock suggested =
                JSON.treeToValue(impulse.learningBlocks().get(0).settings(), LearningBlock.class);
        assertThat(suggested)
                .as("the suggested learning block is the default for its features")
                .isEqualTo(LearningBlock.defaultsFor(LearningBlock.Kind.CLASSIFICATION, input.kind(), input.shape()));
        log("suggested " + RealDataExperiment.describe(impulse));
        return impulse;
    }

    @Test
    void gesturesFromTheLastLinesReachTheTargetInInt8() {
        RealSplit split = RealDatasets.uwaveLastLines(RealDatasets.uwave(), 196);

        RealDataExperiment.Result result = experiment.run(platformDefaults(), split);

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

        RealDataExperiment.Result result = experiment.run(platformDefaults(), split);

        log(result.row());
        assertThat(result.testSamples()).isEqualTo(150);
        assertThat(result.int8SampleAccuracy())
                .as("int8 top-1 per recording on fsdd's test split")
                .isGreaterThanOrEqualTo(0.97);
        assertThat(result.int8Accuracy()).as("int8 top-1 per window").isGreaterThanOrEqualTo(0.97);
        assertThat(result.agreement()).as("int8 agrees with float32").isGreaterThanOrEqualTo(0.97);
    }

    /**
     * Issue #12, "the defaults must hold on voices these tests never saw": trained on jackson and nicolas only, tested
     * on every recording of theo. fsdd-dev has three speakers, so this is the hardest honest split it allows.
     * Measured with these defaults: int8 top-1 0.906 per window, 0.936 per recording (0.692 / 0.716 before per-bin
     * offsets, which were chosen on the other two speakers, never on theo; see docs/DESIGN.md).
     * {@code HeldOutSpeakers} measures every speaker.
     */
    @Test
    void spokenDigitsOfASpeakerNeverHeardStayAboveTheMeasuredFloor() {
        RealSplit split = RealDatasets.fsddLeaveSpeakerOut(RealDatasets.fsdd(), "theo");

        RealDataExperiment.Result result = experiment.run(platformDefaults(), split);

        log(result.row());
        assertThat(result.testSamples()).isEqualTo(500);
        assertThat(result.int8Accuracy())
                .as("int8 top-1 per window on theo, never heard in training")
                .isGreaterThanOrEqualTo(HELD_OUT_SPEAKER_FLOOR);
        assertThat(result.int8SampleAccuracy())
                .as("int8 top-1 per recording on theo")
                .isGreaterThanOrEqualTo(HELD_OUT_SPEAKER_FLOOR);
    }

    private static void log(String line) {
        System.out.println(String.format(Locale.ROOT, "[real data] %s", line));
    }
}
