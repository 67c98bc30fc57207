package dev.edgeforge.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SampleSplitterTest {

    private static SampleData mono(float[] v, double intervalMs) {
        return SampleData.timeSeries(List.of(new Sensor("audio", "wav")), intervalMs, new float[][] {v});
    }

    private static float[] indices(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    @Test
    void fixedLengthDropsOrKeepsRemainder() {
        SampleData s = mono(indices(25), 10); // 250 ms
        List<SampleSegment> dropped = SampleSplitter.fixedLength(s, 100, false);
        assertThat(dropped).extracting(SampleSegment::startIndex).containsExactly(0, 10);
        assertThat(dropped.get(1).data().axis(0)[0]).isEqualTo(10f);
        assertThat(dropped.get(1).startMs()).isEqualTo(100.0);
        assertThat(dropped.get(1).endMs()).isEqualTo(200.0);
        List<SampleSegment> kept = SampleSplitter.fixedLength(s, 100, true);
        assertThat(kept).hasSize(3);
        assertThat(kept.get(2).data().length()).isEqualTo(5);
        assertThat(SampleSplitter.fixedLength(s, 1000, false)).isEmpty();
        assertThatThrownBy(() -> SampleSplitter.fixedLength(s, 0, false)).isInstanceOf(SampleDataViolation.class);
    }

    @Property(tries = 200)
    void fixedLengthSegmentsTileTheSample(
            @ForAll @IntRange(min = 1, max = 500) int n, @ForAll @DoubleRange(min = 0.5, max = 50) double segmentMs) {
        SampleData s = mono(indices(n), 1);
        List<SampleSegment> segs = SampleSplitter.fixedLength(s, segmentMs, true);
        int expectedStart = 0;
        for (SampleSegment seg : segs) {
            assertThat(seg.startIndex()).isEqualTo(expectedStart);
            assertThat(seg.data().axis(0)[0]).isEqualTo((float) seg.startIndex());
            assertThat(seg.data().length()).isEqualTo(seg.endIndex() - seg.startIndex());
            expectedStart = seg.endIndex();
        }
        assertThat(expectedStart).isEqualTo(n);
    }

    @Test
    void energySplitFindsBurstsWithPaddingAndMinimumLength() {
        // 1 kHz, 1000 values: silence, a 100 ms burst at 200..300, a 5 ms click at 500, a burst at 700..800
        float[] v = new float[1000];
        for (int i = 200; i < 300; i++) {
            v[i] = (i % 2 == 0) ? 1000 : -1000;
        }
        for (int i = 500; i < 505; i++) {
            v[i] = 1000;
        }
        for (int i = 700; i < 800; i++) {
            v[i] = 2000;
        }
        SampleData s = mono(v, 1);
        List<SampleSegment> segs = SampleSplitter.aboveEnergy(s, new EnergySplitOptions(10, 500, 50, 20));
        assertThat(segs).extracting(SampleSegment::startIndex).containsExactly(180, 680);
        assertThat(segs).extracting(SampleSegment::endIndex).containsExactly(320, 820);
        // without a minimum length the click (rms over its 10 ms frame = 707) is kept too
        List<SampleSegment> all = SampleSplitter.aboveEnergy(s, new EnergySplitOptions(10, 500, 0, 0));
        assertThat(all).extracting(SampleSegment::startIndex).containsExactly(200, 500, 700);
        assertThat(all).extracting(SampleSegment::endIndex).containsExactly(300, 510, 800);
    }

    @Test
    void energySplitMergesOverlappingPaddedEventsAndHandlesRunsToTheEnd() {
        float[] v = new float[105];
        for (int i = 10; i < 20; i++) {
            v[i] = 1;
        }
        for (int i = 30; i < 105; i++) {
            v[i] = 1;
        }
        SampleData s = mono(v, 1);
        List<SampleSegment> segs = SampleSplitter.aboveEnergy(s, new EnergySplitOptions(10, 0.5, 0, 10));
        assertThat(segs).hasSize(1);
        assertThat(segs.get(0).startIndex()).isEqualTo(0);
        assertThat(segs.get(0).endIndex()).isEqualTo(105);
        assertThat(SampleSplitter.aboveEnergy(mono(new float[50], 1), EnergySplitOptions.ofThreshold(0.1)))
                .isEmpty();
    }

    @Test
    void energyOptionsAreValidated() {
        assertThatThrownBy(() -> new EnergySplitOptions(0, 1, 0, 0)).isInstanceOf(SampleDataViolation.class);
        assertThatThrownBy(() -> new EnergySplitOptions(10, -1, 0, 0)).isInstanceOf(SampleDataViolation.class);
        assertThatThrownBy(() -> new EnergySplitOptions(10, 1, -1, 0)).isInstanceOf(SampleDataViolation.class);
        assertThatThrownBy(() -> new EnergySplitOptions(10, 1, 0, Double.NaN)).isInstanceOf(SampleDataViolation.class);
    }
}
