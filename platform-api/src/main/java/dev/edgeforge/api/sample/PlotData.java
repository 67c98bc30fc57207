package dev.edgeforge.api.sample;

import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.util.List;

/**
 * The values of a sample, or of a time range of it, ready to plot: at most {@code maxPoints} points per axis.
 * A longer range is cut into buckets and each bucket gives two points per axis, its minimum and its maximum in the
 * order they occur, so peaks stay visible however far the plot zooms out.
 *
 * @param startMs     start of the range shown
 * @param endMs       end of the range shown
 * @param downsampled whether points are bucket extremes rather than the values themselves
 * @param timesMs     time of each point, shared by every axis
 * @param values      points per axis, {@code [axis][point]}
 */
public record PlotData(
        List<Sensor> sensors,
        double intervalMs,
        int length,
        double durationMs,
        double startMs,
        double endMs,
        boolean downsampled,
        double[] timesMs,
        float[][] values) {

    /** Smallest and largest {@code maxPoints} the API accepts. */
    static final int MIN_POINTS = 10;

    static final int MAX_POINTS = 200_000;

    /**
     * @param startMs   start of the range (clamped to the sample)
     * @param endMs     end of the range (clamped; null or beyond the end: the whole rest)
     * @param maxPoints most points per axis, {@value #MIN_POINTS}..{@value #MAX_POINTS}
     */
    static PlotData of(SampleData data, double startMs, Double endMs, int maxPoints) {
        int n = data.length();
        double interval = data.intervalMs();
        int from = (int) Math.max(0, Math.min(n - 1, Math.ceil(startMs / interval - 1e-9)));
        int to = endMs == null ? n : (int) Math.max(from + 1, Math.min(n, Math.ceil(endMs / interval - 1e-9)));
        int count = to - from;
        int axes = data.axisCount();
        if (count <= maxPoints) {
            double[] times = new double[count];
            float[][] values = new float[axes][count];
            for (int i = 0; i < count; i++) {
                times[i] = (from + i) * interval;
            }
            for (int a = 0; a < axes; a++) {
                for (int i = 0; i < count; i++) {
                    values[a][i] = data.value(a, from + i);
                }
            }
            return new PlotData(
                    data.sensors(),
                    interval,
                    n,
                    data.durationMs(),
                    from * interval,
                    to * interval,
                    false,
                    times,
                    values);
        }
        int buckets = Math.max(1, maxPoints / 2);
        int perBucket = (int) Math.ceil(count / (double) buckets);
        buckets = (int) Math.ceil(count / (double) perBucket);
        double[] times = new double[buckets * 2];
        float[][] values = new float[axes][buckets * 2];
        for (int b = 0; b < buckets; b++) {
            int start = from + b * perBucket;
            int end = Math.min(to, start + perBucket);
            times[2 * b] = start * interval;
            times[2 * b + 1] = (end - 1) * interval;
            for (int a = 0; a < axes; a++) {
                int min = start;
                int max = start;
                for (int i = start + 1; i < end; i++) {
                    float v = data.value(a, i);
                    if (v < data.value(a, min)) {
                        min = i;
                    }
                    if (v > data.value(a, max)) {
                        max = i;
                    }
                }
                int first = Math.min(min, max);
                int second = Math.max(min, max);
                values[a][2 * b] = data.value(a, first);
                values[a][2 * b + 1] = data.value(a, second);
            }
        }
        return new PlotData(
                data.sensors(), interval, n, data.durationMs(), from * interval, to * interval, true, times, values);
    }
}
