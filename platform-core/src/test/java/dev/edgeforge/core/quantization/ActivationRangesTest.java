package dev.edgeforge.core.quantization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ActivationRangesTest {

    private static final int BINS = 4096;

    @Test
    void leastErrorRangeCutsALongThinTailButNotAFewFarOutliers() {
        // a long, thin tail (exponential values, as log features of silent windows or ReLU outputs have): cutting it
        // saves rounding error on every value and costs little clipping error on the few values past the cut
        Random random = new Random(3);
        float max = 0;
        float[] values = new float[200_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) -Math.log(1 - random.nextDouble());
            max = Math.max(max, values[i]);
        }
        long[] histogram = histogram(values, 0, max);

        float[] tail = ActivationRanges.leastErrorRange(histogram, values.length, 0, max);

        assertThat(tail[0]).isEqualTo(0f);
        assertThat(tail[1]).isLessThan(0.9f * max).isGreaterThan(5f);

        // ten values at 100 beside 100,000 in [0, 1]: clipping them would cost 10 × 99² in squared error, far more
        // than the coarser grid costs the rest, so the least-error range keeps them (min/max)
        long[] outliers = new long[BINS];
        int ones = BINS / 100;
        for (int bin = 0; bin < ones; bin++) {
            outliers[bin] = 100_000 / ones;
        }
        outliers[BINS - 1] = 10;

        assertThat(ActivationRanges.leastErrorRange(outliers, 100_010, 0, 100)).containsExactly(0f, 100f);
    }

    private static long[] histogram(float[] values, float min, float max) {
        long[] histogram = new long[BINS];
        for (float v : values) {
            histogram[(int) Math.min(BINS - 1, (v - min) / (max - min) * BINS)]++;
        }
        return histogram;
    }

    @Test
    void leastErrorRangeKeepsTheWholeRangeOfValuesSpreadEvenly() {
        long[] histogram = new long[BINS];
        Arrays.fill(histogram, 10);

        float[] range = ActivationRanges.leastErrorRange(histogram, 10L * BINS, -3, 5);

        assertThat(range[0]).isCloseTo(-3f, Offset.offset(0.01f));
        assertThat(range[1]).isCloseTo(5f, Offset.offset(0.01f));
    }
}
