package dev.edgeforge.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.dsp.FilterType;
import dev.edgeforge.core.dsp.FlattenParams;
import dev.edgeforge.core.dsp.FlattenStat;
import dev.edgeforge.core.dsp.ImageNormalization;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.dsp.WindowFunction;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.ResizeMode;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureCacheKeyTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final SpectralAnalysisParams SPECTRAL = SpectralAnalysisParams.defaults();

    private static Impulse impulse(TimeSeriesInput input, SpectralAnalysisParams spectral, List<String> axes) {
        return new Impulse(
                3,
                input,
                List.of(
                        new ProcessingBlock(1, "Spectral", axes, spectral),
                        new ProcessingBlock(2, "Flatten", List.of("accZ"), FlattenParams.defaults())),
                List.of(new LearningBlockRef(
                        "classification",
                        "NN",
                        List.of(1, 2),
                        ImpulseJson.mapper().readTree("{\"epochs\":30}"))));
    }

    private static Impulse base() {
        return impulse(TimeSeriesInput.defaults(), SPECTRAL, List.of("accX", "accY"));
    }

    private static String key(Impulse impulse) {
        return FeatureCacheKey.of(HASH, impulse).hex();
    }

    @Test
    void sameInputsGiveTheSameKeyAlsoAfterAJsonRoundTrip() {
        String key = key(base());
        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(key(base())).isEqualTo(key);
        assertThat(key(ImpulseJson.read(ImpulseJson.write(base())))).isEqualTo(key);
        assertThat(FeatureCacheKey.of(HASH.toUpperCase(), base()).hex()).isEqualTo(key);
        assertThat(new FeatureExtractor(base()).cacheKey(HASH).hex()).isEqualTo(key);
    }

    @Test
    void followsTheDocumentedFormula() throws Exception {
        FeatureCacheKey.Config config = FeatureCacheKey.Config.of(base());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] expected = sha.digest(("edgeforge-feature-chunk/1\n" + HASH + "\n" + config.canonicalJson())
                .getBytes(StandardCharsets.UTF_8));
        assertThat(key(base())).isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void theCanonicalJsonIsPinned() {
        Impulse small = new Impulse(
                1,
                new TimeSeriesInput(1000, 500, 100, false),
                List.of(new ProcessingBlock(
                        4,
                        "F",
                        List.of("b", "a"),
                        new FlattenParams(2, EnumSet.of(FlattenStat.RMS, FlattenStat.AVERAGE, FlattenStat.KURTOSIS)))),
                List.of());
        // keys sorted at every level, set-valued parameters sorted, ids/names/version left out
        assertThat(FeatureCacheKey.Config.of(small).canonicalJson())
                .isEqualTo("{\"input\":{\"frequencyHz\":100.0,\"type\":\"time-series\",\"windowSizeMs\":1000.0,"
                        + "\"windowStrideMs\":500.0,\"zeroPad\":false},\"processingBlocks\":[{\"axes\":[\"b\",\"a\"],"
                        + "\"params\":{\"scale\":2.0,\"stats\":[\"average\",\"kurtosis\",\"rms\"],"
                        + "\"type\":\"flatten\"}}]}");
    }

    @Test
    void setOrderDoesNotMatter() {
        List<FlattenStat> all = new ArrayList<>(EnumSet.allOf(FlattenStat.class));
        Set<FlattenStat> forward = new LinkedHashSet<>(all);
        Collections.reverse(all);
        Set<FlattenStat> backward = new HashSet<>(all);
        Impulse a = new Impulse(
                1,
                TimeSeriesInput.defaults(),
                List.of(new ProcessingBlock(1, "F", List.of("x"), new FlattenParams(1, forward))),
                List.of());
        Impulse b = new Impulse(
                1,
                TimeSeriesInput.defaults(),
                List.of(new ProcessingBlock(1, "F", List.of("x"), new FlattenParams(1, backward))),
                List.of());
        assertThat(key(a)).isEqualTo(key(b));
    }

    @Test
    void anyDspParameterChangeChangesTheKey() {
        List<SpectralAnalysisParams> variants = List.of(
                new SpectralAnalysisParams(2, FilterType.LOW, 3, 6, 16, true, true, 0, 0.1),
                new SpectralAnalysisParams(1, FilterType.HIGH, 3, 6, 16, true, true, 0, 0.1),
                new SpectralAnalysisParams(1, FilterType.LOW, 4, 6, 16, true, true, 0, 0.1),
                new SpectralAnalysisParams(1, FilterType.LOW, 3, 5, 16, true, true, 0, 0.1),
                new SpectralAnalysisParams(1, FilterType.LOW, 3, 6, 32, true, true, 0, 0.1),
                new SpectralAnalysisParams(1, FilterType.LOW, 3, 6, 16, false, true, 0, 0.1),
                new SpectralAnalysisParams(1, FilterType.LOW, 3, 6, 16, true, false, 0, 0.1),
                new SpectralAnalysisParams(1, FilterType.LOW, 3, 6, 16, true, true, 2, 0.1),
                new SpectralAnalysisParams(1, FilterType.LOW, 3, 6, 16, true, true, 0, 0.2));
        // one variant per record component: none may be forgotten
        assertThat(variants).hasSize(SpectralAnalysisParams.class.getRecordComponents().length);
        Set<String> keys = new HashSet<>();
        keys.add(key(base()));
        for (SpectralAnalysisParams p : variants) {
            assertThat(keys.add(key(impulse(TimeSeriesInput.defaults(), p, List.of("accX", "accY")))))
                    .as("%s", p)
                    .isTrue();
        }
        assertThat(keys.add(key(impulse(new TimeSeriesInput(1000, 80, 62.5, true), SPECTRAL, List.of("accX", "accY")))))
                .as("window size")
                .isTrue();
        assertThat(keys.add(
                        key(impulse(new TimeSeriesInput(2000, 100, 62.5, true), SPECTRAL, List.of("accX", "accY")))))
                .as("window stride")
                .isTrue();
        assertThat(keys.add(key(impulse(new TimeSeriesInput(2000, 80, 100, true), SPECTRAL, List.of("accX", "accY")))))
                .as("frequency")
                .isTrue();
        assertThat(keys.add(
                        key(impulse(new TimeSeriesInput(2000, 80, 62.5, false), SPECTRAL, List.of("accX", "accY")))))
                .as("zero pad")
                .isTrue();
        assertThat(keys.add(key(impulse(TimeSeriesInput.defaults(), SPECTRAL, List.of("accY", "accX")))))
                .as("axis order")
                .isTrue();
        assertThat(keys.add(key(impulse(TimeSeriesInput.defaults(), SPECTRAL, List.of("accX", "accZ")))))
                .as("axes")
                .isTrue();
        Impulse swapped = new Impulse(
                3,
                TimeSeriesInput.defaults(),
                List.of(
                        base().processingBlocks().get(1),
                        base().processingBlocks().get(0)),
                base().learningBlocks());
        assertThat(keys.add(key(swapped))).as("block order").isTrue();
        Impulse oneBlock = new Impulse(
                3, TimeSeriesInput.defaults(), List.of(base().processingBlocks().get(0)), base().learningBlocks());
        assertThat(keys.add(key(oneBlock))).as("block removed").isTrue();
        assertThat(keys.add(FeatureCacheKey.of(HASH.replace('9', '8'), base()).hex()))
                .as("content")
                .isTrue();
    }

    @Test
    void learningBlocksVersionsIdsAndNamesDoNotChangeTheKey() {
        String key = key(base());
        Impulse otherLearning = new Impulse(
                3,
                base().input(),
                base().processingBlocks(),
                List.of(new LearningBlockRef(
                        "anomaly", "K-means", List.of(1), ImpulseJson.mapper().readTree("{\"clusters\":32}"))));
        assertThat(key(otherLearning)).isEqualTo(key);
        assertThat(key(base().withVersion(9))).isEqualTo(key);
        List<ProcessingBlock> renamed = base().processingBlocks().stream()
                .map(b -> new ProcessingBlock(b.id() + 10, b.name() + " (renamed)", b.axes(), b.params()))
                .toList();
        assertThat(key(new Impulse(3, base().input(), renamed, List.of()))).isEqualTo(key);
    }

    @Test
    void imageImpulsesIgnoreAxesButNotTheInputGeometry() {
        ImageInput input = new ImageInput(96, 96, ResizeMode.FIT_SHORTEST, ColorDepth.RGB);
        ProcessingBlock image = new ProcessingBlock(1, "Image", List.of(), ImageParams.defaults());
        String key = key(new Impulse(1, input, List.of(image), List.of()));
        ProcessingBlock withAxes = new ProcessingBlock(1, "Image", List.of("image"), ImageParams.defaults());
        assertThat(key(new Impulse(1, input, List.of(withAxes), List.of()))).isEqualTo(key);
        assertThat(key(new Impulse(
                        1, new ImageInput(96, 96, ResizeMode.SQUASH, ColorDepth.RGB), List.of(image), List.of())))
                .isNotEqualTo(key);
        assertThat(key(new Impulse(
                        1,
                        input,
                        List.of(new ProcessingBlock(
                                1, "Image", List.of(), new ImageParams(ImageNormalization.MINUS_ONE_TO_ONE))),
                        List.of())))
                .isNotEqualTo(key);
    }

    @Test
    void audioAndTimeSeriesInputsWithEqualNumbersDiffer() {
        ProcessingBlock mfcc = new ProcessingBlock(
                1,
                "MFCC",
                List.of("audio"),
                new MfccParams(13, 0.02, 0.02, 32, 256, 0, 0, 0.98, WindowFunction.HAMMING, 0));
        String audio = key(new Impulse(1, new AudioInput(1000, 500, 16000, true), List.of(mfcc), List.of()));
        String series = key(new Impulse(1, new TimeSeriesInput(1000, 500, 16000, true), List.of(mfcc), List.of()));
        assertThat(audio).isNotEqualTo(series);
    }

    @Test
    void refusesHashesThatAreNotSha256() {
        assertThatThrownBy(() -> FeatureCacheKey.of("abc", base()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> new FeatureCacheKey(HASH.toUpperCase())).hasMessageContaining("lowercase");
    }
}
