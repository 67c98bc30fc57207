package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlotDataTest {

    private static SampleData ramp(int n, double intervalMs) {
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
            b[i] = -i;
        }
        return SampleData.timeSeries(List.of(Sensor.of("a"), Sensor.of("b")), intervalMs, new float[][] {a, b});
    }

    @Test
    void shortSamplesAreSentWhole() {
        PlotData plot = PlotData.of(ramp(100, 10), 0, null, 1000);
        assertThat(plot.downsampled()).isFalse();
        assertThat(plot.timesMs()).hasSize(100);
        assertThat(plot.timesMs()[99]).isEqualTo(990);
        assertThat(plot.values()[1][99]).isEqualTo(-99);
        assertThat(plot.startMs()).isZero();
        assertThat(plot.endMs()).isEqualTo(1000);
    }

    @Test
    void longSamplesKeepEveryBucketsExtremesInTheOrderTheyOccur() {
        SampleData data = ramp(10_000, 1);
        PlotData plot = PlotData.of(data, 0, null, 100);
        assertThat(plot.downsampled()).isTrue();
        assertThat(plot.timesMs().length).isLessThanOrEqualTo(100);
        // a rising ramp: each bucket's minimum comes first, its maximum last
        assertThat(plot.values()[0][0]).isEqualTo(0);
        assertThat(plot.values()[0][plot.values()[0].length - 1]).isEqualTo(9999);
        assertThat(plot.values()[1][plot.values()[1].length - 1]).isEqualTo(-9999);
        for (int i = 1; i < plot.timesMs().length; i++) {
            assertThat(plot.timesMs()[i]).isGreaterThanOrEqualTo(plot.timesMs()[i - 1]);
        }
    }

    @Test
    void aSpikeSurvivesDownsampling() {
        float[] values = new float[50_000];
        values[31_337] = 42;
        PlotData plot =
                PlotData.of(SampleData.timeSeries(List.of(Sensor.of("x")), 0.5, new float[][] {values}), 0, null, 200);
        float max = 0;
        for (float v : plot.values()[0]) {
            max = Math.max(max, v);
        }
        assertThat(max).isEqualTo(42);
    }

    @Test
    void aRangeSelectsTheValuesInIt() {
        PlotData plot = PlotData.of(ramp(1000, 10), 2000, 2500.0, 1000);
        assertThat(plot.timesMs()).hasSize(50);
        assertThat(plot.timesMs()[0]).isEqualTo(2000);
        assertThat(plot.values()[0][0]).isEqualTo(200);
        assertThat(plot.endMs()).isEqualTo(2500);
        PlotData beyond = PlotData.of(ramp(10, 10), 50, 1e9, 1000);
        assertThat(beyond.timesMs()).hasSize(5);
    }
}
