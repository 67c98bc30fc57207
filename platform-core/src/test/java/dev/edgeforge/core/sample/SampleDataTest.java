package dev.edgeforge.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SampleDataTest {

    private static final List<Sensor> XY = List.of(new Sensor("accX", "m/s2"), new Sensor("accY", "m/s2"));

    private static SampleData ramp(int n, double intervalMs) {
        float[][] v = new float[2][n];
        for (int i = 0; i < n; i++) {
            v[0][i] = i;
            v[1][i] = -i;
        }
        return SampleData.timeSeries(XY, intervalMs, v);
    }

    @Test
    void derivesFrequencyDurationAndKeepsMetadata() {
        SampleData s = SampleData.builder()
                .setSensors(XY)
                .setIntervalMs(10)
                .setValues(new float[][] {{1, 2}, {3, 4}})
                .optDeviceName("ac:87")
                .optDeviceType("DISCO")
                .build();
        assertThat(s.frequencyHz()).isEqualTo(100.0);
        assertThat(s.durationMs()).isEqualTo(20.0);
        assertThat(s.length()).isEqualTo(2);
        assertThat(s.deviceName()).contains("ac:87");
        assertThat(s.deviceType()).contains("DISCO");
        assertThat(s.crop(10, 20).deviceName()).contains("ac:87");
    }

    @Test
    void copiesArraysInAndOut() {
        float[][] v = {{1, 2}, {3, 4}};
        SampleData s = SampleData.timeSeries(XY, 1, v);
        v[0][0] = 99;
        s.values()[0][1] = 99;
        s.axis(1)[0] = 99;
        assertThat(s.value(0, 0)).isEqualTo(1f);
        assertThat(s.value(0, 1)).isEqualTo(2f);
        assertThat(s.value(1, 0)).isEqualTo(3f);
    }

    @Test
    void refusesInconsistentAxes() {
        assertThatThrownBy(() -> SampleData.timeSeries(XY, 1, new float[][] {{1, 2}, {3}}))
                .isInstanceOf(SampleDataViolation.class)
                .hasMessageContaining("axis 'accY' has 1 values");
        assertThatThrownBy(() -> SampleData.timeSeries(XY, 1, new float[][] {{1, 2}}))
                .isInstanceOf(SampleDataViolation.class)
                .hasMessageContaining("2 sensors but 1 value axes");
    }

    @Test
    void refusesNonFiniteValuesAndBadIntervals() {
        assertThatThrownBy(() -> SampleData.timeSeries(XY, 1, new float[][] {{1, Float.NaN}, {3, 4}}))
                .isInstanceOf(SampleDataViolation.class)
                .hasMessageContaining("value 1 is NaN");
        assertThatThrownBy(() -> SampleData.timeSeries(XY, 1, new float[][] {{1, 2}, {Float.NEGATIVE_INFINITY, 4}}))
                .isInstanceOf(SampleDataViolation.class)
                .hasMessageContaining("-Infinity");
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> SampleData.timeSeries(XY, bad, new float[][] {{1}, {2}}))
                    .isInstanceOf(SampleDataViolation.class)
                    .hasMessageContaining("interval");
        }
        assertThatThrownBy(() -> SampleData.timeSeries(XY, 1, new float[][] {{}, {}}))
                .isInstanceOf(SampleDataViolation.class)
                .hasMessageContaining("at least one value");
    }

    @Test
    void refusesDuplicateAndMissingSensors() {
        assertThatThrownBy(() ->
                        SampleData.timeSeries(List.of(Sensor.of("a"), Sensor.of("a")), 1, new float[][] {{1}, {2}}))
                .isInstanceOf(SampleDataViolation.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> SampleData.timeSeries(List.of(), 1, new float[][] {}))
                .isInstanceOf(SampleDataViolation.class)
                .hasMessageContaining("at least one sensor");
        assertThatThrownBy(() -> Sensor.of(" ")).isInstanceOf(SampleDataViolation.class);
    }

    @Test
    void imageSamplesHaveNoValuesAndCannotBeCropped() {
        SampleData img = SampleData.image(new ImageInfo(32, 16, 3));
        assertThat(img.isImage()).isTrue();
        assertThat(img.sensors()).containsExactly(new Sensor("image", "rgb"));
        assertThat(img.length()).isZero();
        assertThat(img.durationMs()).isZero();
        assertThatThrownBy(() -> img.crop(0, 1))
                .isInstanceOf(SampleDataViolation.class)
                .hasMessageContaining("image");
        assertThatThrownBy(() -> new ImageInfo(0, 3, 3)).isInstanceOf(SampleDataViolation.class);
        assertThatThrownBy(() -> new ImageInfo(3, 3, 5)).isInstanceOf(SampleDataViolation.class);
    }

    @Test
    void cropKeepsValuesWithTimestampsInHalfOpenRange() {
        SampleData s = ramp(100, 10); // t = 0, 10, ..., 990
        SampleData c = s.crop(30, 60);
        assertThat(c.axis(0)).containsExactly(3, 4, 5);
        assertThat(c.intervalMs()).isEqualTo(10);
        // a start between two values begins at the next one; an end past the duration is clamped
        assertThat(s.crop(25, 5000).axis(0)[0]).isEqualTo(3f);
        assertThat(s.crop(25, 5000).length()).isEqualTo(97);
        // fractional intervals: rounding in 0.3/0.1 must not skip a value
        SampleData f = ramp(10, 0.1);
        assertThat(f.crop(0.3, 0.6).axis(0)).containsExactly(3, 4, 5);
    }

    @Test
    void cropRefusesEmptyAndBackwardsRanges() {
        SampleData s = ramp(10, 10);
        assertThatThrownBy(() -> s.crop(50, 50)).isInstanceOf(SampleDataViolation.class);
        assertThatThrownBy(() -> s.crop(60, 50)).isInstanceOf(SampleDataViolation.class);
        assertThatThrownBy(() -> s.crop(-1, 50)).isInstanceOf(SampleDataViolation.class);
        assertThatThrownBy(() -> s.crop(51, 55))
                .isInstanceOf(SampleDataViolation.class)
                .hasMessageContaining("holds no values");
        assertThatThrownBy(() -> s.crop(100, 200)).isInstanceOf(SampleDataViolation.class);
    }

    @Test
    void rmsAndEnergy() {
        SampleData s = SampleData.timeSeries(XY, 1, new float[][] {{3, 3}, {4, 4}});
        assertThat(s.energy()).isEqualTo(50.0);
        assertThat(s.rms()).isCloseTo(Math.sqrt(12.5), Offset.offset(1e-12));
        assertThat(s.axisRms()).containsExactly(3.0, 4.0);
    }

    @Test
    void equalityIsByValue() {
        assertThat(ramp(5, 2)).isEqualTo(ramp(5, 2)).hasSameHashCodeAs(ramp(5, 2));
        assertThat(ramp(5, 2)).isNotEqualTo(ramp(5, 3)).isNotEqualTo(ramp(6, 2));
    }
}
