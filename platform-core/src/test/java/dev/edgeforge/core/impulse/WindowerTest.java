package dev.edgeforge.core.impulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowerTest {

    private static float[][] ramp(int axes, int n) {
        float[][] x = new float[axes][n];
        for (int a = 0; a < axes; a++) {
            for (int i = 0; i < n; i++) {
                x[a][i] = a * 1000 + i;
            }
        }
        return x;
    }

    @Test
    void cutsWindowsWithIndexAndStartTime() {
        Windower windower = new Windower(new TimeSeriesInput(1000, 250, 100, true));
        List<Window> windows = windower.windows(ramp(2, 250), 10);
        assertThat(windower.windowSamples()).isEqualTo(100);
        // starts 0, 25, 50, …, 150 (150 + 100 = 250 fits, 175 does not)
        assertThat(windows).hasSize(7);
        assertThat(windows.get(3).index()).isEqualTo(3);
        assertThat(windows.get(3).startMs()).isEqualTo(750.0);
        assertThat(windows.get(3).axes()[1][0]).isEqualTo(1075f);
        assertThat(windows.get(6).axes()[0][99]).isEqualTo(249f);
        assertThat(windower.windows(ramp(2, 250), 10))
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(windows);
    }

    @Test
    void fractionalStridesDoNotDrift() {
        Windower windower = new Windower(new TimeSeriesInput(100, 15, 100, true));
        List<Window> windows = windower.windows(ramp(1, 100), 10);
        // stride 1.5 samples: starts 0, 1, 3, 4, 6 …, window k at ⌊1.5k⌋
        assertThat(windows.get(4).axes()[0][0]).isEqualTo(6f);
        assertThat(windows.get(4).startMs()).isEqualTo(60.0);
    }

    @Test
    void padsShortSamplesOnlyWhenAsked() {
        List<Window> padded =
                new Windower(new AudioInput(1000, 500, 16000, true)).windows(ramp(1, 4000), 1000 / 16000.0);
        assertThat(padded).hasSize(1);
        assertThat(padded.get(0).axes()[0]).hasSize(16000);
        assertThat(padded.get(0).axes()[0][3999]).isEqualTo(3999f);
        assertThat(padded.get(0).axes()[0][4000]).isEqualTo(0f);
        assertThat(new Windower(new AudioInput(1000, 500, 16000, false)).windows(ramp(1, 4000), 1000 / 16000.0))
                .isEmpty();
    }

    @Test
    void resamplesSamplesRecordedAtAnotherRate() {
        // 2 s of a 3 Hz sine recorded at 50 Hz, windowed at 62.5 Hz
        float[][] x = new float[1][100];
        for (int i = 0; i < 100; i++) {
            x[0][i] = (float) Math.sin(2 * Math.PI * 3 * i / 50.0);
        }
        List<Window> windows = new Windower(new TimeSeriesInput(2000, 80, 62.5, true)).windows(x, 20);
        assertThat(windows).hasSize(1);
        float[] y = windows.get(0).axes()[0];
        assertThat(y).hasSize(125);
        for (int j = 20; j < 105; j++) {
            assertThat((double) y[j]).isCloseTo(Math.sin(2 * Math.PI * 3 * j / 62.5), within(0.01));
        }
    }

    @Test
    void resamplerKeepsConstantsAndRemovesWhatWouldAlias() {
        float[] dc = new float[441];
        Arrays.fill(dc, 2.5f);
        assertThat(Resampler.resample(dc, 44100, 16000)).hasSize(160).containsOnly(2.5f);
        // 10 kHz is above the 8 kHz Nyquist of 16 kHz: it must not fold back as a loud 6 kHz tone
        float[] tone = new float[4410];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) Math.sin(2 * Math.PI * 10000 * i / 44100.0);
        }
        float[] down = Resampler.resample(tone, 44100, 16000);
        double energy = 0;
        for (int i = 200; i < down.length - 200; i++) {
            energy += down[i] * down[i];
        }
        assertThat(Math.sqrt(energy / (down.length - 400))).isLessThan(0.05);
    }

    @Test
    void resizesImagesByMode() {
        // 4×2 image: left half red, right half blue
        int[] pixels = new int[8];
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                pixels[y * 4 + x] = x < 2 ? 0xFF0000 : 0x0000FF;
            }
        }
        RgbImage image = new RgbImage(4, 2, pixels);
        float[][] same = ImageResizer.resize(image, new ImageInput(4, 2, ResizeMode.SQUASH, ColorDepth.RGB));
        assertThat(same[0]).containsExactly(255, 255, 0, 0, 255, 255, 0, 0);
        assertThat(same[2]).containsExactly(0, 0, 255, 255, 0, 0, 255, 255);
        // fit-longest into 4×4: content rows 1..2, black rows 0 and 3
        float[][] letterbox = ImageResizer.resize(image, new ImageInput(4, 4, ResizeMode.FIT_LONGEST, ColorDepth.RGB));
        assertThat(letterbox[0]).containsExactly(0, 0, 0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 0, 0, 0, 0);
        // fit-shortest into 2×2: the centre 2×2 crop is half red, half blue
        float[][] crop = ImageResizer.resize(image, new ImageInput(2, 2, ResizeMode.FIT_SHORTEST, ColorDepth.RGB));
        assertThat(crop[0]).containsExactly(255, 0, 255, 0);
        float[][] gray = ImageResizer.resize(image, new ImageInput(2, 2, ResizeMode.SQUASH, ColorDepth.GRAYSCALE));
        assertThat(gray).hasDimensions(1, 4);
        // BT.601 in 8-bit weights, rounded: (77·255 + 128) >> 8
        assertThat(gray[0][0]).isEqualTo(77f);
    }
}
