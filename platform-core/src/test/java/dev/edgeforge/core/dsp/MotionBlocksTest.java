package dev.edgeforge.core.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MotionBlocksTest {

    @Test
    void rawInterleavesScaledSamples() {
        float[] out = new RawParams(2).createBlock().compute(new float[][] {{1, 2, 3}, {10, 20, 30}}, 100);
        assertThat(out).containsExactly(2, 20, 4, 40, 6, 60);
        assertThat(new RawParams(2).createBlock().outputShape(SignalShape.timeSeries(2, 3, 100)))
                .isEqualTo(FeatureShape.of(3, 2));
    }

    @Test
    void flattenComputesTheChosenStatisticsInFixedOrder() {
        float[] axis = {1, 2, 3, 4, 10};
        FlattenParams params = new FlattenParams(
                1,
                EnumSet.of(
                        FlattenStat.KURTOSIS,
                        FlattenStat.AVERAGE,
                        FlattenStat.MINIMUM,
                        FlattenStat.MAXIMUM,
                        FlattenStat.RMS,
                        FlattenStat.STDEV,
                        FlattenStat.SKEWNESS));
        float[] out = params.createBlock().compute(new float[][] {axis}, 50);
        double mean = 4;
        double m2 = (9 + 4 + 1 + 0 + 36) / 5.0;
        double m3 = (-27 - 8 - 1 + 0 + 216) / 5.0;
        double m4 = (81 + 16 + 1 + 0 + 1296) / 5.0;
        assertThat(out[0]).isEqualTo((float) mean);
        assertThat(out[1]).isEqualTo(1f);
        assertThat(out[2]).isEqualTo(10f);
        assertThat((double) out[3]).isCloseTo(Math.sqrt(130 / 5.0), within(1e-6));
        assertThat((double) out[4]).isCloseTo(Math.sqrt(m2), within(1e-6));
        assertThat((double) out[5]).isCloseTo(m3 / Math.pow(m2, 1.5), within(1e-6));
        assertThat((double) out[6]).isCloseTo(m4 / (m2 * m2) - 3, within(1e-6));
        assertThat(new FlattenParams(1, EnumSet.of(FlattenStat.MAXIMUM, FlattenStat.AVERAGE))
                        .createBlock()
                        .compute(new float[][] {axis}, 50))
                .containsExactly(4f, 10f);
        assertThat(new FlattenParams(1, EnumSet.of(FlattenStat.SKEWNESS))
                        .createBlock()
                        .compute(new float[][] {{9.81f, 9.81f, 9.81f}}, 50))
                .containsExactly(0f);
        assertThatThrownBy(() -> new FlattenParams(1, EnumSet.noneOf(FlattenStat.class))
                        .createBlock()
                        .validate(SignalShape.timeSeries(1, 5, 50)))
                .hasMessageContaining("flatten.stats");
    }

    @Test
    void butterworthHasMinus3DbAtCutoffAndRollsOffByOrder() {
        for (int order = 1; order <= 8; order++) {
            ButterworthFilter low = ButterworthFilter.design(FilterType.LOW, order, 5, 100);
            assertThat(low.sectionCount()).isEqualTo((order + 1) / 2);
            assertThat(low.magnitudeAt(0, 100)).isCloseTo(1, within(1e-5));
            assertThat(low.magnitudeAt(5, 100)).isCloseTo(Math.sqrt(0.5), within(1e-5));
            ButterworthFilter high = ButterworthFilter.design(FilterType.HIGH, order, 5, 100);
            assertThat(high.magnitudeAt(50, 100)).isCloseTo(1, within(1e-5));
            assertThat(high.magnitudeAt(5, 100)).isCloseTo(Math.sqrt(0.5), within(1e-5));
        }
        // an octave above the cut-off an order-n low-pass is down by about 6n dB (less near Nyquist)
        double at10 = ButterworthFilter.design(FilterType.LOW, 4, 5, 100).magnitudeAt(10, 100);
        assertThat(20 * Math.log10(at10)).isBetween(-27.0, -23.0);
    }

    @Test
    void spectralAnalysisFindsStatisticsSpectrumAndPeaks() {
        double fs = 100;
        int n = 200;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            // 12.5 Hz = bin 4 of a 32-point FFT, 25 Hz = bin 8 (weaker), on a gravity offset
            x[i] = (float)
                    (9.81 + 2 * Math.sin(2 * Math.PI * 12.5 * i / fs) + 0.5 * Math.sin(2 * Math.PI * 25 * i / fs));
        }
        SpectralAnalysisParams params = new SpectralAnalysisParams(1, FilterType.NONE, 3, 6, 32, true, true, 2, 0.01);
        SpectralAnalysisBlock block = (SpectralAnalysisBlock) params.createBlock();
        float[] out = block.compute(new float[][] {x}, fs);
        assertThat(out).hasSize(3 + 16 + 4);
        assertThat((double) out[0]).isCloseTo(Math.sqrt((4 + 0.25) / 2), within(1e-3));
        assertThat((double) out[1]).isCloseTo(0, within(0.05));
        int strongest = 1;
        for (int k = 1; k <= 16; k++) {
            if (out[2 + k] > out[2 + strongest]) {
                strongest = k;
            }
        }
        assertThat(strongest).isEqualTo(4);
        assertThat(out[19]).isEqualTo(12.5f);
        assertThat(out[21]).isEqualTo(25f);
        assertThat(out[20]).isGreaterThan(out[22]);
        assertThat(out[20]).isEqualTo(out[2 + 4]);
    }

    @Test
    void lowPassRemovesHighFrequencyPower() {
        double fs = 62.5;
        float[] x = new float[125];
        Random random = new Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        SpectralAnalysisParams open = new SpectralAnalysisParams(1, FilterType.NONE, 3, 6, 16, true, true, 0, 0.1);
        float[] unfiltered = open.createBlock().compute(new float[][] {x}, fs);
        float[] filtered = SpectralAnalysisParams.defaults().createBlock().compute(new float[][] {x}, fs);
        // bin 6 of 16 at 62.5 Hz is 23 Hz, far above the 3 Hz cut-off
        assertThat(filtered[2 + 6]).isLessThan(unfiltered[2 + 6] - 3);
    }

    @Test
    void spectralAnalysisRefusesFiltersAboveNyquist() {
        SpectralAnalysisParams params = new SpectralAnalysisParams(1, FilterType.HIGH, 40, 9, 12, true, true, 99, 2);
        assertThatThrownBy(() -> params.createBlock().validate(SignalShape.timeSeries(3, 125, 62.5)))
                .isInstanceOfSatisfying(
                        DspParameterViolation.class,
                        e -> assertThat(e.errors())
                                .extracting(ParameterError::field)
                                .containsExactlyInAnyOrder(
                                        "spectral-analysis.fftLength",
                                        "spectral-analysis.filterOrder",
                                        "spectral-analysis.filterCutoffHz",
                                        "spectral-analysis.spectralPeakCount",
                                        "spectral-analysis.spectralPeakThreshold"))
                .hasMessageContaining("40.0 Hz is not below Nyquist (31.25 Hz");
    }

    @Test
    void imageBlockInterleavesAndNormalises() {
        float[][] planes = {{0, 255}, {51, 102}, {255, 0}};
        float[] out =
                new ImageParams(ImageNormalization.ZERO_TO_ONE).createBlock().compute(planes, 0);
        assertThat(out).containsExactly(0f, 0.2f, 1f, 1f, 0.4f, 0f);
        float[] signed = new ImageParams(ImageNormalization.MINUS_ONE_TO_ONE)
                .createBlock()
                .compute(planes, 0);
        assertThat(signed[0]).isEqualTo(-1f);
        assertThat(signed[3]).isEqualTo(1f);
        assertThat(ImageParams.defaults().createBlock().outputShape(SignalShape.image(96, 64, 1)))
                .isEqualTo(FeatureShape.of(64, 96, 1));
        assertThat(ImageParams.defaults().createBlock().check(SignalShape.timeSeries(1, 10, 10)))
                .extracting(ParameterError::field)
                .containsExactly("image.input");
    }

    @Test
    void everyBlockEstimatesACost() {
        SignalShape motion = SignalShape.timeSeries(3, 125, 62.5);
        for (DspParams p :
                List.<DspParams>of(RawParams.defaults(), FlattenParams.defaults(), SpectralAnalysisParams.defaults())) {
            CostEstimate cost = p.createBlock().estimateCost(motion);
            assertThat(cost.operations()).isPositive();
            assertThat(cost.ramBytes()).isPositive();
        }
    }
}
