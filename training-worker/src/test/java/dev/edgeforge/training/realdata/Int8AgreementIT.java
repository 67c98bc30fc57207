package dev.edgeforge.training.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.dsp.FilterType;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.learning.LearningBlock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue #19, part 6: on real recordings, the int8 model the platform makes ({@code Int8Export}: MSE-optimal ranges over
 * up to 1,000 training windows, per-channel weights) picks the float32 model's class on at least 98 % of the test
 * windows, for spectral-analysis, MFE and MFCC features. Training is capped at 40 epochs to keep each test within a
 * couple of minutes on a 2-core machine; the figures are printed.
 */
class Int8AgreementIT {

    private static final double AGREEMENT = 0.98;

    private final RealDataExperiment experiment = new RealDataExperiment(Int8AgreementIT::log);

    @Test
    void spectralAnalysisOfWholeGesturesKeepsTheFloatClassInInt8() {
        // the whole 3.15 s recording as one window: spectral analysis of every axis, no filter, 64-point FFT
        RealDataExperiment.Config config = new RealDataExperiment.Config(
                "spectral, default dense",
                training -> new Impulse(
                        1,
                        new TimeSeriesInput(3150, 3150, 100, true),
                        List.of(new ProcessingBlock(
                                1,
                                "Spectral analysis",
                                RealDatasets.UWAVE_AXES,
                                new SpectralAnalysisParams(1.0, FilterType.NONE, 3.0, 6, 64, true, true, 0, 0.1))),
                        List.of()),
                input -> LearningBlock.classification(ProposedDefaults.layersFor(input.kind(), input.shape())),
                input -> ProposedDefaults.hyperparameters(input.kind(), input.shape())
                        .withEpochs(40));

        RealDataExperiment.Result result =
                experiment.run(config, RealDatasets.uwaveLastLines(RealDatasets.uwave(), 196));

        assertAgrees(result);
    }

    @Test
    void mfeOfSpokenDigitsKeepsTheFloatClassInInt8() {
        assertAgrees(experiment.run(
                audio("mfe", ProposedDefaults.suggestion().withAudioDsp("mfe")),
                RealDatasets.fsddStandard(RealDatasets.fsdd())));
    }

    @Test
    void mfccOfSpokenDigitsKeepsTheFloatClassInInt8() {
        assertAgrees(experiment.run(
                audio("mfcc", ProposedDefaults.suggestion().withAudioDsp("mfcc")),
                RealDatasets.fsddStandard(RealDatasets.fsdd())));
    }

    private static RealDataExperiment.Config audio(String name, ImpulseSuggestion suggestion) {
        return new RealDataExperiment.Config(
                name,
                suggestion::suggest,
                input -> LearningBlock.classification(ProposedDefaults.layersFor(input.kind(), input.shape())),
                input -> ProposedDefaults.hyperparameters(input.kind(), input.shape())
                        .withEpochs(40));
    }

    private static void assertAgrees(RealDataExperiment.Result result) {
        log(result.row());
        assertThat(result.agreement())
                .as(
                        "int8 picks the float32 class on the test windows of %s (float %.3f, int8 %.3f)",
                        result.config(), result.floatAccuracy(), result.int8Accuracy())
                .isGreaterThanOrEqualTo(AGREEMENT);
    }

    private static void log(String line) {
        System.out.println(String.format(Locale.ROOT, "[int8 agreement] %s", line));
    }
}
