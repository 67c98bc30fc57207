package dev.edgeforge.bench.ingest;

import java.util.Arrays;

/** Nearest-rank percentiles of durations. */
final class Percentiles {

    private Percentiles() {}

    /** The {@code percentile} of {@code nanos}, in milliseconds. */
    static double millis(long[] nanos, double percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
