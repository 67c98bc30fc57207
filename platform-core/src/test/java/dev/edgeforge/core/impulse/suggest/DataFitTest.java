package dev.edgeforge.core.impulse.suggest;

import static dev.edgeforge.core.impulse.suggest.ImpulseSuggesterTest.sensor;
import static dev.edgeforge.core.impulse.suggest.ImpulseSuggesterTest.wav;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.dsp.ParameterError;
import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.InputBlock;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.impulse.WindowedInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataFitTest {

    private static Impulse impulse(InputBlock input, List<String> axes) {
        return new Impulse(
                1,
                input,
                List.of(new ProcessingBlock(
                        1,
                        "block",
                        axes,
                        input instanceof ImageInput
                                ? ImageParams.defaults()
                                : input instanceof AudioInput ? MfccParams.defaults() : RawParams.defaults())),
                List.of());
    }

    private static List<String> fields(List<ParameterError> errors) {
        return errors.stream().map(ParameterError::field).toList();
    }

    /** Issue #12: the default impulse (accX/accY/accZ at 62.5 Hz, 2 s) on the watch's accZ gestures at 100 Hz. */
    @Test
    void theDefaultImpulseOnOneAxisGesturesIsRefusedForTheAxesAndWarnedForTheRate() {
        Impulse defaultImpulse = new Impulse(
                1,
                TimeSeriesInput.defaults(),
                List.of(new ProcessingBlock(
                        1, "Spectral features", List.of("accX", "accY", "accZ"), SpectralAnalysisParams.defaults())),
                List.of());

        DataFit fit = DataFit.check(defaultImpulse, DataProfile.of(ImpulseSuggesterTest.watchGestures()));

        assertThat(fit.errors()).hasSize(2).allSatisfy(e -> {
            assertThat(e.field()).isEqualTo("processingBlocks[0].axes");
            assertThat(e.message()).contains("which no sample has (the samples have accZ)");
        });
        assertThat(fit.errors().get(0).message()).contains("'accX'");
        assertThat(fit.warnings()).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("input.frequencyHz");
            assertThat(w.message()).contains("recorded at 100 Hz").contains("resampled to 62.5 Hz");
        });
    }

    @Test
    void theSuggestionFitsItsOwnDataWithoutAWord() {
        List<SampleSummary> samples = ImpulseSuggesterTest.watchGestures();

        DataFit fit =
                DataFit.check(ImpulseSuggester.suggest(samples).impulse().withVersion(1), DataProfile.of(samples));

        assertThat(fit.errors()).isEmpty();
        assertThat(fit.warnings()).isEmpty();
    }

    @Test
    void aWindowNoSampleCanFillWithoutZeroPaddingIsRefused() {
        DataProfile profile = DataProfile.of(List.of(wav(0.125, 600), wav(0.125, 850)));

        DataFit fit = DataFit.check(impulse(new AudioInput(1000, 500, 8000, false), List.of("audio")), profile);

        assertThat(fields(fit.errors())).containsExactly("input.windowSizeMs");
        assertThat(fit.errors().get(0).message())
                .contains("the longest lasts 850 ms")
                .contains("zero-padding is off");
    }

    @Test
    void samplesShorterThanTheWindowWithoutZeroPaddingAreWarnedAbout() {
        DataProfile profile = DataProfile.of(List.of(wav(0.125, 600), wav(0.125, 700), wav(0.125, 1200)));

        DataFit fit = DataFit.check(impulse(new AudioInput(1000, 500, 8000, false), List.of("audio")), profile);

        assertThat(fit.errors()).isEmpty();
        assertThat(fit.warnings())
                .anySatisfy(w -> assertThat(w.message()).contains("2 of 3 samples are shorter than 1 s"))
                .anySatisfy(w -> assertThat(w.message()).contains("use only 40 % of the recorded time"));
    }

    @Test
    void aStrideLongerThanTheWindowThatSkipsMostDataIsWarnedAbout() {
        DataProfile profile = DataProfile.of(List.of(sensor(List.of("accX"), 10, 10_000)));

        DataFit fit = DataFit.check(impulse(new TimeSeriesInput(1000, 4000, 100, true), List.of("accX")), profile);

        assertThat(fit.warnings())
                .singleElement()
                .satisfies(w -> assertThat(w.field()).isEqualTo("input.windowStrideMs"));
    }

    @Test
    void ratesFarFromTheDataAreRefusedAndNearOnesWarned() {
        DataProfile profile = DataProfile.of(ImpulseSuggesterTest.watchGestures());

        assertThat(rateFit(profile, 250).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("more than 2 times the samples' rate (100 Hz)"));
        assertThat(rateFit(profile, 5).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("less than a 10th"));
        // issue #12: resampling 100 → 25 Hz is no longer silent
        assertThat(rateFit(profile, 25).errors()).isEmpty();
        assertThat(rateFit(profile, 25).warnings())
                .singleElement()
                .satisfies(w -> assertThat(w.message()).contains("resampled to 25 Hz"));
        assertThat(rateFit(profile, 200).errors()).isEmpty();
        assertThat(rateFit(profile, 100).warnings()).isEmpty();
    }

    private static DataFit rateFit(DataProfile profile, double hz) {
        WindowedInput input = new TimeSeriesInput(4330, 1082.5, hz, true);
        return DataFit.check(impulse(input, List.of("accZ")), profile);
    }

    @Test
    void anImageInputOnRecordingsAndAWindowedInputOnImagesAreRefused() {
        DataProfile recordings = DataProfile.of(ImpulseSuggesterTest.watchGestures());
        DataProfile images =
                DataProfile.of(List.of(new SampleSummary(SampleSummary.Kind.IMAGE, List.of("image"), 0, 0)));

        assertThat(fields(DataFit.check(impulse(ImageInput.defaults(), List.of()), recordings)
                        .errors()))
                .containsExactly("input.type");
        assertThat(fields(DataFit.check(impulse(TimeSeriesInput.defaults(), List.of("accZ")), images)
                        .errors()))
                .containsExactly("input.type");
    }
}
