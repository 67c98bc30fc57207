package dev.edgeforge.core.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GestureWindowsTest {

    @Test
    void windowsAreBalancedDeterministicAndCarryStandardGravity() {
        GestureWindows first = GestureWindows.generate(40, 5, 1);
        GestureWindows second = GestureWindows.generate(40, 5, 1);

        assertThat(first.windows()).isDeepEqualTo(second.windows());
        assertThat(first.windows()).hasNumberOfRows(40);
        for (float[] window : first.windows()) {
            assertThat(window).hasSize(GestureWindows.SAMPLES * 3);
        }
        int[] counts = new int[GestureWindows.GESTURES.size()];
        for (int label : first.labels()) {
            counts[label]++;
        }
        assertThat(counts).containsOnly(10);
        assertThat(first.persons()).containsOnly(0, 1, 2, 3, 4);
        assertThat(GestureWindows.GESTURES).containsExactly("idle", "wave", "circle", "updown");
        double magnitude = 0;
        float[] idle = first.windows()[0];
        for (int t = 0; t < GestureWindows.SAMPLES; t++) {
            magnitude += Math.sqrt(
                    idle[t * 3] * idle[t * 3] + idle[t * 3 + 1] * idle[t * 3 + 1] + idle[t * 3 + 2] * idle[t * 3 + 2]);
        }
        assertThat(magnitude / GestureWindows.SAMPLES).isCloseTo(GestureDataset.GRAVITY, within(0.5));
    }

    @Test
    void windowsOfAPersonAreConsecutivePartsOfOneRecording() {
        GestureWindows windows = GestureWindows.generate(8, 1, 3);
        SyntheticSample wave = GestureDataset.builder()
                .optSeed(3)
                .optPersons(1)
                .optRecordingsPerGesture(1)
                .optLengthSeconds(4)
                .optFrequencyHz(62.5)
                .optGestures(GestureDataset.CLASSIC)
                .build()
                .recording(0, GestureDataset.Gesture.WAVE, 0);
        float[][] values = wave.data().values();
        // window 5 is the second wave window: samples 125..249 of the recording
        assertThat(windows.labels()[5]).isEqualTo(1);
        assertThat(windows.windows()[5][0]).isEqualTo(values[0][125]);
        assertThat(windows.windows()[5][3 * 124 + 2]).isEqualTo(values[2][249]);
    }

    @Test
    void spectralFeaturesAreTheBlocksThirtyThreePerWindow() {
        float[][] features =
                GestureWindows.spectralFeatures(GestureWindows.generate(8, 2, 5).windows());

        assertThat(features).hasNumberOfRows(8);
        for (float[] window : features) {
            assertThat(window).hasSize(GestureWindows.FEATURES);
        }
        assertThat(features[1]).isNotEqualTo(features[0]);
    }
}
