package dev.edgeforge.training.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.ResizeMode;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.impulse.suggest.FeatureInput;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.ShapeInference;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SearchSpaceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Impulse GESTURES = new Impulse(
            1,
            new TimeSeriesInput(3150, 3150, 100, true),
            List.of(new ProcessingBlock(1, "Raw", List.of("accX", "accY", "accZ"), RawParams.defaults())),
            List.of());

    @Test
    void theSameSeedDrawsTheSameCandidatesAndAnotherSeedOthers() {
        List<CandidateSpec> first = new SearchSpace(GESTURES).draw(30, 42);
        List<CandidateSpec> again = new SearchSpace(GESTURES).draw(30, 42);
        List<CandidateSpec> other = new SearchSpace(GESTURES).draw(30, 43);

        assertThat(again).isEqualTo(first);
        assertThat(other.subList(1, other.size())).isNotEqualTo(first.subList(1, first.size()));
    }

    @Test
    void everyCandidateIsAValidDistinctImpulseWithItsNetwork() {
        List<CandidateSpec> drawn = new SearchSpace(GESTURES).draw(40, 1);

        assertThat(drawn).hasSize(40);
        assertThat(drawn.stream().map(CandidateSpec::description).distinct()).hasSize(40);
        for (CandidateSpec c : drawn) {
            assertThat(c.impulse().withVersion(1).check(List.of("accX", "accY", "accZ")))
                    .as(c.description())
                    .isEmpty();
            assertThat(FeatureInput.of(c.impulse())).contains(c.input());
            assertThat(ShapeInference.infer(c.input().shape(), c.network().layers())
                            .isValid())
                    .as(c.description())
                    .isTrue();
            LearningBlock stored =
                    JSON.treeToValue(c.impulse().learningBlocks().get(0).settings(), LearningBlock.class);
            assertThat(stored).isEqualTo(c.network());
        }
    }

    @Test
    void theFirstCandidateIsTheStartingImpulseWithTheDefaultNetwork() {
        CandidateSpec first = new SearchSpace(GESTURES).draw(5, 9).get(0);

        assertThat(first.id()).isEqualTo("c01");
        assertThat(first.impulse().input()).isEqualTo(GESTURES.input());
        assertThat(first.impulse().processingBlocks()).isEqualTo(GESTURES.processingBlocks());
        assertThat(first.description()).contains("default network");
    }

    @Test
    void sensorsGetRawAndSpectralBlocksAndEveryNetworkFamily() {
        List<CandidateSpec> drawn = new SearchSpace(GESTURES).draw(60, 3);

        Set<Class<?>> blocks = drawn.stream()
                .map(c -> c.impulse().processingBlocks().get(0).params().getClass())
                .collect(Collectors.toSet());
        assertThat(blocks).containsExactlyInAnyOrder(RawParams.class, SpectralAnalysisParams.class);
        String all = drawn.stream().map(CandidateSpec::description).collect(Collectors.joining("\n"));
        assertThat(all).contains("dense ", "conv1d ", "conv2d ", "depthwise-separable ");
        assertThat(all).contains("at 50 Hz", "at 100 Hz");
    }

    @Test
    void audioGetsMelBlocks() {
        Impulse audio = new Impulse(
                1,
                new AudioInput(1000, 500, 8000, true),
                List.of(new ProcessingBlock(1, "MFCC", List.of("audio"), MfccParams.defaults())),
                List.of());

        List<CandidateSpec> drawn = new SearchSpace(audio).draw(20, 5);

        assertThat(drawn).hasSize(20);
        assertThat(drawn.stream()
                        .map(c -> SearchSpace.describe(
                                c.impulse().processingBlocks().get(0).params())))
                .anyMatch(d -> d.startsWith("MFCC"))
                .anyMatch(d -> d.startsWith("MFE"));
    }

    @Test
    void imagesAreNotSearchedYet() {
        Impulse image = new Impulse(
                1,
                new ImageInput(32, 32, ResizeMode.SQUASH, ColorDepth.GRAYSCALE),
                List.of(new ProcessingBlock(1, "Image", List.of(), ImageParams.defaults())),
                List.of());

        assertThatThrownBy(() -> new SearchSpace(image)).hasMessageContaining("image impulses are not searched");
    }
}
