package dev.edgeforge.training.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchmarkDataTest {

    @Test
    void bandPowersPutASineInItsBandAndSilenceAtTheFloor() {
        // 2 Hz at 62.5 Hz with a 128-point DFT is bin 4.1: band [4, 6), the 4th band
        float[] window = new float[GestureDataset.SAMPLES * 3];
        for (int t = 0; t < GestureDataset.SAMPLES; t++) {
            window[t * 3] = (float) (2 * Math.sin(2 * Math.PI * 2 * t / GestureDataset.RATE_HZ));
            window[t * 3 + 1] = 5;   // constant: no power once the mean is removed
        }
        BandPowerFeatures features = new BandPowerFeatures(GestureDataset.SAMPLES, 3);

        float[] f = features.extract(window);

        assertThat(features.featureCount()).isEqualTo(33);
        assertThat(f[0]).isCloseTo((float) Math.sqrt(2), within(0.05f));   // RMS of a sine of amplitude 2
        int loudest = 0;
        for (int band = 1; band < 10; band++) {
            if (f[1 + band] > f[1 + loudest]) {
                loudest = band;
            }
        }
        assertThat(loudest).isEqualTo(3);
        assertThat(f[11]).isZero();
        for (int band = 0; band < 10; band++) {
            assertThat(f[12 + band]).isCloseTo(-6f, within(1e-3f));
        }
    }

    @Test
    void gesturesAreBalancedDeterministicAndCarryGravity() {
        GestureDataset first = GestureDataset.generate(40, 5, 1);
        GestureDataset second = GestureDataset.generate(40, 5, 1);

        assertThat(first.windows()).isDeepEqualTo(second.windows());
        int[] counts = new int[4];
        for (int label : first.labels()) {
            counts[label]++;
        }
        assertThat(counts).containsOnly(10);
        double magnitude = 0;
        float[] idle = first.windows()[0];
        for (int t = 0; t < GestureDataset.SAMPLES; t++) {
            magnitude += Math.sqrt(idle[t * 3] * idle[t * 3] + idle[t * 3 + 1] * idle[t * 3 + 1]
                    + idle[t * 3 + 2] * idle[t * 3 + 2]);
        }
        assertThat(magnitude / GestureDataset.SAMPLES).isCloseTo(9.81, within(1.0));
    }
}
