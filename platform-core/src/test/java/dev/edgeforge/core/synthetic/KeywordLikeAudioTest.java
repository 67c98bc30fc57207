package dev.edgeforge.core.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.dsp.MfeParams;
import dev.edgeforge.core.feature.FeatureExtractor;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.sample.AudioInfo;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import dev.edgeforge.core.synthetic.KeywordLikeAudio.Keyword;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KeywordLikeAudioTest {

    @Test
    void isDeterministicBySeed() {
        KeywordLikeAudio audio =
                KeywordLikeAudio.builder().optSpeakers(2).optClipsPerKeyword(1).build();
        List<SyntheticSample> clips = audio.generate();
        assertThat(KeywordLikeAudio.builder()
                        .optSpeakers(2)
                        .optClipsPerKeyword(1)
                        .build()
                        .generate())
                .isEqualTo(clips);
        assertThat(audio.clip(1, Keyword.UP, 0)).isEqualTo(clips.get(5 + 2));
        assertThat(KeywordLikeAudio.builder()
                        .optSeed(7)
                        .optSpeakers(2)
                        .optClipsPerKeyword(1)
                        .build()
                        .generate()
                        .get(0)
                        .data())
                .isNotEqualTo(clips.get(0).data());
    }

    @Test
    void clipsAre16BitAudioOfTheAskedLengthInBalancedClasses() {
        List<SyntheticSample> clips = KeywordLikeAudio.builder()
                .optSpeakers(3)
                .optClipsPerKeyword(2)
                .build()
                .generate();
        assertThat(clips).hasSize(3 * 5 * 2);
        Map<String, Long> perLabel =
                clips.stream().collect(Collectors.groupingBy(SyntheticSample::label, Collectors.counting()));
        assertThat(perLabel).containsOnlyKeys("yes", "no", "up", "down", "noise");
        assertThat(perLabel.values()).containsOnly(6L);
        for (SyntheticSample clip : clips) {
            SampleData d = clip.data();
            assertThat(d.sensors()).containsExactly(new Sensor("audio", "wav"));
            assertThat(d.length()).isEqualTo(16000);
            assertThat(d.intervalMs()).isEqualTo(1000 / 16000.0);
            assertThat(d.audio()).contains(new AudioInfo(16000, 16, false));
            float peak = 0;
            for (float v : d.axis(0)) {
                assertThat(v).isEqualTo((float) Math.rint(v)).isBetween(-32768f, 32767f);
                peak = Math.max(peak, Math.abs(v));
            }
            // a word is loud, background alone is not silence either
            assertThat(peak).as(clip.name()).isGreaterThan(clip.label().equals("noise") ? 20f : 5000f);
        }
        SyntheticSample shortClip = KeywordLikeAudio.builder()
                .optSpeakers(1)
                .optClipsPerKeyword(1)
                .optDurationMs(500)
                .optSampleRateHz(8000)
                .optKeywords(EnumSet.of(Keyword.YES))
                .build()
                .generate()
                .get(0);
        assertThat(shortClip.data().length()).isEqualTo(4000);
        assertThat(shortClip.data().audio()).contains(new AudioInfo(8000, 16, false));
    }

    @Test
    void nearestCentroidOnMelEnergiesRecognisesUnseenSpeakersAboveChance() {
        List<SyntheticSample> clips = KeywordLikeAudio.builder()
                .optSpeakers(8)
                .optClipsPerKeyword(4)
                .build()
                .generate();
        FeatureExtractor extractor = new FeatureExtractor(new Impulse(
                1,
                AudioInput.defaults(),
                List.of(new ProcessingBlock(1, "MFE", List.of("audio"), MfeParams.defaults())),
                List.of()));
        List<Integer> dims = extractor.layout().blocks().get(0).shape().dims();
        int frames = dims.get(0);
        int bins = dims.get(1);
        List<FeatureRow> train = new ArrayList<>();
        List<FeatureRow> test = new ArrayList<>();
        for (SyntheticSample clip : clips) {
            List<FeatureRow> rows = extractor.extract(clip.name(), clip.label(), clip.data());
            assertThat(rows).hasSize(1);
            // mean and peak energy per mel band over the clip: a summary that does not care where the word is
            float[] mfe = rows.get(0).features();
            float[] summary = new float[2 * bins];
            for (int t = 0; t < frames; t++) {
                for (int b = 0; b < bins; b++) {
                    summary[b] += mfe[t * bins + b] / frames;
                    summary[bins + b] = Math.max(summary[bins + b], mfe[t * bins + b]);
                }
            }
            FeatureRow row = new FeatureRow(clip.name(), 0, 0, clip.label(), summary);
            (clip.person() < 6 ? train : test).add(row);
        }
        double accuracy = new NearestCentroid(train).accuracy(test);
        // chance is 20 %
        assertThat(accuracy).isGreaterThan(0.45);
    }

    @Test
    void refusesSettingsOutOfRange() {
        assertThatThrownBy(
                        () -> KeywordLikeAudio.builder().optSampleRateHz(4000).build())
                .hasMessageContaining("sample rate");
        assertThatThrownBy(() -> KeywordLikeAudio.builder().optDurationMs(100).build())
                .hasMessageContaining("duration");
        assertThatThrownBy(() -> KeywordLikeAudio.builder()
                        .optKeywords(EnumSet.noneOf(Keyword.class))
                        .build())
                .hasMessageContaining("at least one keyword");
    }
}
