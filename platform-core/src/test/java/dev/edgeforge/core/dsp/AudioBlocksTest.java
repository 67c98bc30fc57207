package dev.edgeforge.core.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AudioBlocksTest {

    private static final SignalShape ONE_SECOND_16K = SignalShape.timeSeries(1, 16000, 16000);

    private static float[][] tone(double hz, double amplitudeCounts, int n, double fs) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitudeCounts * Math.sin(2 * Math.PI * hz * i / fs));
        }
        return new float[][] {x};
    }

    @Test
    void defaultShapesMatchEdgeImpulse() {
        assertThat(MfeParams.defaults().createBlock().outputShape(ONE_SECOND_16K))
                .isEqualTo(FeatureShape.of(99, 40));
        assertThat(MfccParams.defaults().createBlock().outputShape(ONE_SECOND_16K))
                .isEqualTo(FeatureShape.of(50, 13));
        assertThat(SpectrogramParams.defaults().createBlock().outputShape(ONE_SECOND_16K))
                .isEqualTo(FeatureShape.of(99, 65));
    }

    @Test
    void invalidParametersAreRefusedNamingEachField() {
        MfeParams bad = new MfeParams(2.0, 0.01, 0, 300, 0, 9000, -52);
        assertThatThrownBy(() -> bad.createBlock().validate(ONE_SECOND_16K))
                .isInstanceOf(DspParameterViolation.class)
                .hasMessageContaining("mfe.fftLength: 300 is not a power of two")
                .hasMessageContaining("mfe.filterCount: needs at least one filter")
                .hasMessageContaining("mfe.highFrequency: 9000.0 Hz is above Nyquist (8000.0 Hz");
        assertThatThrownBy(() -> new MfeParams(2.0, 0.01, 40, 256, 0, 0, -52)
                        .createBlock()
                        .validate(ONE_SECOND_16K))
                .hasMessageContaining("mfe.frameLength: 2.0 s (32000 samples) is longer than the window");
        assertThatThrownBy(() -> MfccParams.defaults().createBlock().validate(SignalShape.timeSeries(3, 16000, 16000)))
                .hasMessageContaining("mfcc.axes: works on one audio axis, got 3");
        assertThat(((DspParameterViolation) catchViolation(
                                new MfccParams(40, 0.02, 0.02, 32, 256, 300, 0, 1.5, WindowFunction.HAMMING, -1)))
                        .errors())
                .extracting(ParameterError::field)
                .contains("mfcc.coefficientCount", "mfcc.preEmphasis", "mfcc.lifter");
    }

    private static RuntimeException catchViolation(DspParams params) {
        try {
            params.createBlock().validate(ONE_SECOND_16K);
        } catch (DspParameterViolation e) {
            return e;
        }
        throw new AssertionError("expected a violation");
    }

    @Test
    void linearSpectrogramKeepsParsevalEnergy() {
        SpectrogramParams params = new SpectrogramParams(0.016, 0.016, 256, -52, false);
        float[][] noise = new float[1][4096];
        Random random = new Random(1);
        for (int i = 0; i < noise[0].length; i++) {
            noise[0][i] = (float) (random.nextGaussian() * 3000);
        }
        float[] out = params.createBlock().compute(noise, 16000);
        // frame 0: 256 samples into a 256-point FFT; one-sided power sums back to the frame energy
        double energy = 0;
        for (int i = 0; i < 256; i++) {
            double v = noise[0][i] / 32768.0;
            energy += v * v;
        }
        double sum = out[0] + out[128];
        for (int k = 1; k < 128; k++) {
            sum += 2 * out[k];
        }
        assertThat(sum).isCloseTo(energy, within(energy * 1e-5));
    }

    @Test
    void spectrogramPutsAToneInItsBinAndSilenceOnTheFloor() {
        SpectrogramBlock block = (SpectrogramBlock) SpectrogramParams.defaults().createBlock();
        // bin 16 of a 128-point FFT at 16 kHz is 2 kHz
        float[] loud = block.compute(tone(2000, 16000, 16000, 16000), 16000);
        int strongest = 0;
        for (int k = 0; k < 65; k++) {
            if (loud[k] > loud[strongest]) {
                strongest = k;
            }
        }
        assertThat(strongest).isEqualTo(16);
        assertThat(block.compute(new float[1][16000], 16000)).containsOnly(0f);
    }

    @Test
    void mfeFindsTheToneInTheRightFilterAndClipsSilence() {
        MfeBlock block = (MfeBlock) MfeParams.defaults().createBlock();
        float[] out = block.compute(tone(1000, 10000, 16000, 16000), 16000);
        MelFilterbank bank = block.filterbank(ONE_SECOND_16K);
        int best = 0;
        for (int i = 0; i < 40; i++) {
            if (out[40 * 10 + i] > out[40 * 10 + best]) {
                best = i;
            }
        }
        // 1 kHz sits at FFT bin ⌊257·1000/16000⌋ = 16; the strongest filter covers it
        int bin = 16;
        assertThat(bin).isBetween(bank.start(best), bank.start(best) + bank.weights(best).length - 1);
        for (float v : out) {
            assertThat(v).isBetween(0f, 1f);
        }
        assertThat(block.compute(new float[1][16000], 16000)).containsOnly(0f);
    }

    @Test
    void mfccMatchesAStraightforwardDftImplementation() {
        MfccParams params = new MfccParams(13, 0.025, 0.01, 26, 512, 100, 7000, 0.97, WindowFunction.HAMMING, 22);
        MfccBlock block = (MfccBlock) params.createBlock();
        Random random = new Random(7);
        float[][] x = new float[1][8000];
        for (int i = 0; i < x[0].length; i++) {
            x[0][i] = (float) (8000 * Math.sin(2 * Math.PI * 440 * i / 16000.0) + random.nextGaussian() * 500);
        }
        float[] out = block.compute(x, 16000);
        SignalShape shape = SignalShape.timeSeries(1, 8000, 16000);
        FrameLayout layout = block.layout(shape);
        MelFilterbank bank = block.filterbank(shape);
        double[] hamming = WindowFunction.HAMMING.coefficients(layout.fftInputLength());
        double[][] dct = MfccBlock.liftedDct(13, 26, 22);
        int frame = 17;
        double[] frameSignal = new double[512];
        for (int j = 0; j < layout.fftInputLength(); j++) {
            int i = frame * layout.frameStride() + j;
            double pre = x[0][i] / 32768.0 - 0.97 * x[0][i - 1] / 32768.0;
            frameSignal[j] = pre * hamming[j];
        }
        double[] power = new double[257];
        for (int k = 0; k <= 256; k++) {
            double re = 0;
            double im = 0;
            for (int n = 0; n < 512; n++) {
                re += frameSignal[n] * Math.cos(2 * Math.PI * k * n / 512);
                im -= frameSignal[n] * Math.sin(2 * Math.PI * k * n / 512);
            }
            power[k] = (re * re + im * im) / 512;
        }
        double[] logE = new double[26];
        for (int m = 0; m < 26; m++) {
            double[] w = bank.weights(m);
            double e = 0;
            for (int j = 0; j < w.length; j++) {
                e += w[j] * power[bank.start(m) + j];
            }
            logE[m] = Math.log(Math.max(e, 1e-10));
        }
        for (int k = 0; k < 13; k++) {
            double c = 0;
            for (int m = 0; m < 26; m++) {
                c += dct[k][m] * logE[m];
            }
            assertThat((double) out[frame * 13 + k]).isCloseTo(c, within(1e-4 * Math.max(1, Math.abs(c))));
        }
    }

    @Test
    void liftedDctWithoutLifterIsOrthonormal() {
        double[][] d = MfccBlock.liftedDct(8, 8, 0);
        for (int a = 0; a < 8; a++) {
            for (int b = 0; b < 8; b++) {
                double dot = 0;
                for (int i = 0; i < 8; i++) {
                    dot += d[a][i] * d[b][i];
                }
                assertThat(dot).isCloseTo(a == b ? 1 : 0, within(1e-12));
            }
        }
    }

    @Test
    void melFilterbankFollowsTheMelScale() {
        assertThat(MelFilterbank.hzToMel(700)).isCloseTo(2595 * Math.log10(2), within(1e-9));
        assertThat(MelFilterbank.melToHz(MelFilterbank.hzToMel(1234.5))).isCloseTo(1234.5, within(1e-9));
        MelFilterbank bank = MelFilterbank.create(40, 512, 16000, 0, 8000);
        for (int i = 1; i < 40; i++) {
            assertThat(bank.start(i)).isGreaterThanOrEqualTo(bank.start(i - 1));
            double peak = 0;
            for (double w : bank.weights(i)) {
                peak = Math.max(peak, w);
            }
            assertThat(peak).isEqualTo(1.0);
        }
    }

    @Test
    void costGrowsWithTheWork() {
        CostEstimate small = MfccParams.defaults().createBlock().estimateCost(ONE_SECOND_16K);
        CostEstimate large = new MfccParams(13, 0.02, 0.01, 32, 512, 300, 0, 0.98, WindowFunction.HAMMING, 22)
                .createBlock()
                .estimateCost(ONE_SECOND_16K);
        assertThat(large.operations()).isGreaterThan(small.operations());
        assertThat(small.ramBytes()).isEqualTo(4L * (256 + 32 + 50 * 13));
        assertThat(small.millisecondsPerWindow(80e6)).isBetween(1.0, 1000.0);
    }
}
