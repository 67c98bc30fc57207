package dev.edgeforge.core.impulse.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.core.impulse.ResizeMode;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImpulseSuggesterTest {

    static SampleSummary sensor(List<String> axes, double intervalMs, double durationMs) {
        return new SampleSummary(SampleSummary.Kind.SENSOR, axes, intervalMs, durationMs);
    }

    static SampleSummary wav(double intervalMs, double durationMs) {
        return new SampleSummary(SampleSummary.Kind.AUDIO, List.of("audio"), intervalMs, durationMs);
    }

    /** The watch gestures: one axis (accZ) at 100 Hz, 1 to 4.5 s each. */
    static List<SampleSummary> watchGestures() {
        List<SampleSummary> samples = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            samples.add(sensor(List.of("accZ"), 10, 1000 + i * 3500.0 / 59));
        }
        return samples;
    }

    @Test
    void gesturesOfOneAxisAt100HzGetTheirAxisTheirRateAndAWindowCoveringThem() {
        Suggestion suggestion = ImpulseSuggester.suggest(watchGestures());

        Impulse impulse = suggestion.impulse();
        assertThat(impulse.input()).isInstanceOf(TimeSeriesInput.class);
        TimeSeriesInput input = (TimeSeriesInput) impulse.input();
        assertThat(input.frequencyHz()).isEqualTo(100);
        assertThat(input.zeroPad()).isTrue();
        // 95th percentile of 1000..4500 ms is 4325 ms, rounded up to 10 ms
        assertThat(input.windowSizeMs()).isEqualTo(4330);
        assertThat(input.windowStrideMs()).isEqualTo(4330 / 4.0);
        assertThat(impulse.processingBlocks()).singleElement().satisfies(block -> {
            assertThat(block.axes()).containsExactly("accZ");
            assertThat(block.params()).isEqualTo(RawParams.defaults());
        });
        assertThat(impulse.learningBlocks()).singleElement().satisfies(learn -> {
            assertThat(learn.type()).isEqualTo("classification");
            assertThat(learn.inputs()).containsExactly(1);
            assertThat(learn.settings().get("layers").get(0).get("type").asString())
                    .isEqualTo("conv1d");
        });
        assertThat(suggestion.reasons())
                .anySatisfy(r -> assertThat(r).contains("axis accZ"))
                .anySatisfy(r -> assertThat(r).contains("100 Hz").contains("nothing is resampled"))
                .anySatisfy(r -> assertThat(r).contains("4.33 s").contains("padded with zeros"))
                .anySatisfy(r -> assertThat(r).contains("convolutional"));
        // the suggestion is an impulse PUT takes: valid once numbered, and it survives the JSON round trip
        assertThat(impulse.withVersion(1).check(List.of("accZ"))).isEmpty();
        assertThat(ImpulseJson.read(ImpulseJson.write(impulse))).isEqualTo(impulse);
    }

    @Test
    void spokenDigitsAt8KhzGetAudioWithMfccAtTheirOwnRate() {
        List<SampleSummary> samples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            samples.add(wav(0.125, 200 + i * 7));
        }

        Suggestion suggestion = ImpulseSuggester.suggest(samples);

        AudioInput input = (AudioInput) suggestion.impulse().input();
        assertThat(input.frequencyHz()).isEqualTo(8000);
        // 95th percentile of 200..893 ms is 858 ms: 900 ms
        assertThat(input.windowSizeMs()).isEqualTo(900);
        assertThat(input.windowStrideMs()).isEqualTo(225);
        MfccParams mfcc =
                (MfccParams) suggestion.impulse().processingBlocks().get(0).params();
        assertThat(mfcc.coefficientCount()).isEqualTo(13);
        assertThat(mfcc.frameLength()).isEqualTo(0.02);
        assertThat(mfcc.frameStride()).isEqualTo(0.01);
        assertThat(mfcc.filterCount()).isEqualTo(40);
        assertThat(mfcc.fftLength()).isEqualTo(256);
        assertThat(suggestion.impulse().processingBlocks().get(0).axes()).containsExactly("audio");
        assertThat(suggestion.reasons()).anySatisfy(r -> assertThat(r).contains("sound recordings"));
    }

    @Test
    void longRecordingsAreContinuousAndGetFixedWindowsAndSpectralAnalysis() {
        List<SampleSummary> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            samples.add(sensor(List.of("accX", "accY", "accZ"), 16, 10_000));
        }

        Suggestion suggestion = ImpulseSuggester.suggest(samples);

        TimeSeriesInput input = (TimeSeriesInput) suggestion.impulse().input();
        assertThat(input.windowSizeMs()).isEqualTo(2000);
        assertThat(input.windowStrideMs()).isEqualTo(500);
        assertThat(input.frequencyHz()).isEqualTo(62.5);
        assertThat(suggestion.impulse().processingBlocks().get(0).params())
                .isEqualTo(SpectralAnalysisParams.defaults());
        assertThat(suggestion
                        .impulse()
                        .learningBlocks()
                        .get(0)
                        .settings()
                        .get("layers")
                        .get(0)
                        .get("type")
                        .asString())
                .isEqualTo("dense");
    }

    @Test
    void axesMissingFromSomeSamplesAreLeftOutAndSaid() {
        List<SampleSummary> samples = List.of(
                sensor(List.of("accX", "accY", "accZ"), 10, 2000),
                sensor(List.of("accX", "accZ"), 10, 2000),
                sensor(List.of("accX", "accZ"), 20, 2000));

        Suggestion suggestion = ImpulseSuggester.suggest(samples);

        assertThat(suggestion.impulse().processingBlocks().get(0).axes()).containsExactly("accX", "accZ");
        assertThat(suggestion.reasons())
                .anySatisfy(r -> assertThat(r).contains("accY is left out"))
                .anySatisfy(r -> assertThat(r).contains("1 sample recorded at another rate will be resampled"));
    }

    @Test
    void imagesGetTheImageInputAndBlock() {
        List<SampleSummary> samples = List.of(
                new SampleSummary(SampleSummary.Kind.IMAGE, List.of("image"), 0, 0),
                new SampleSummary(SampleSummary.Kind.IMAGE, List.of("image"), 0, 0));

        Suggestion suggestion = ImpulseSuggester.suggest(samples);

        assertThat(suggestion.impulse().input()).isEqualTo(ImageInput.defaults());
        assertThat(suggestion.impulse().processingBlocks().get(0).params()).isEqualTo(ImageParams.defaults());
        assertThat(suggestion.reasons().get(0)).contains("All 2 samples are images");
    }

    @Test
    void imagesAreSuggestedAtASizeAndColourThatFitTheBoard() {
        // issue #20: the suggested image impulse and learning block must fit the chosen board
        List<SampleSummary> samples = List.of(new SampleSummary(SampleSummary.Kind.IMAGE, List.of("image"), 0, 0));

        Suggestion roomy =
                ImpulseSuggester.suggest(samples, Optional.of(new DeviceBudget("Big board", 122_504, 900_000)));
        Suggestion small =
                ImpulseSuggester.suggest(samples, Optional.of(new DeviceBudget("Small board", 60_000, 900_000)));
        Suggestion tiny =
                ImpulseSuggester.suggest(samples, Optional.of(new DeviceBudget("Tiny board", 4_000, 900_000)));

        // 96x96 RGB: frame 27,648 B + the network's 55,296 B of activations fit 122,504 B
        assertThat(roomy.impulse().input()).isEqualTo(ImageInput.defaults());
        // 96x96 grayscale needs 82,944 B; 64x64 grayscale 36,864 B
        assertThat(small.impulse().input())
                .isEqualTo(new ImageInput(64, 64, ResizeMode.FIT_SHORTEST, ColorDepth.GRAYSCALE));
        assertThat(small.reasons())
                .anySatisfy(r -> assertThat(r)
                        .contains("96×96 colour images would need 82,944 B of RAM")
                        .contains("Small board"))
                .anySatisfy(r -> assertThat(r).contains("64×64 pixels").contains("in grayscale"));
        assertThat(small.impulse().learningBlocks().get(0).settings().toString())
                .contains("depthwise_conv2d");
        assertThat(tiny.impulse().input().toString()).contains("32");
        assertThat(tiny.reasons()).anySatisfy(r -> assertThat(r).contains("choose a board with more RAM"));
    }

    @Test
    void oneAxisAtAnAudioRateIsSoundEvenFromCsv() {
        DataProfile profile = DataProfile.of(List.of(sensor(List.of("mic"), 0.0625, 1000)));

        assertThat(profile.kind()).isEqualTo(SampleSummary.Kind.AUDIO);
        assertThat(profile.frequencyHz()).isEqualTo(16000);
    }

    @Test
    void theDefaultLayersForRawWindowsAreTheConvolutionStack() {
        Suggestion suggestion = ImpulseSuggester.suggest(List.of(sensor(List.of("accX", "accY", "accZ"), 10, 3150)));

        FeatureInput features = FeatureInput.of(suggestion.impulse()).orElseThrow();
        assertThat(features.shape().toArray()).containsExactly(315, 3);
        List<String> types = new ArrayList<>();
        suggestion
                .impulse()
                .learningBlocks()
                .get(0)
                .settings()
                .get("layers")
                .forEach(layer -> types.add(layer.get("type").asString()));
        assertThat(types)
                .containsExactly(
                        "conv1d",
                        "batch_norm",
                        "relu",
                        "max_pool1d",
                        "conv1d",
                        "batch_norm",
                        "relu",
                        "max_pool1d",
                        "conv1d",
                        "batch_norm",
                        "relu",
                        "max_pool1d",
                        "average_pool1d",
                        "dropout",
                        "flatten");
    }
}
