package dev.edgeforge.core.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long time series into segments: fixed-length pieces, or the parts whose energy is above a threshold
 * (see {@link EnergySplitOptions} for the exact rule). Pure functions; the input is not changed.
 */
public final class SampleSplitter {

    private SampleSplitter() {}

    /**
     * Consecutive segments of {@code segmentMs} each (rounded to whole values, at least one value), from the start.
     * A shorter remainder at the end is kept only when {@code keepShorterLast} is true. A sample shorter than one
     * segment gives an empty list unless {@code keepShorterLast}.
     *
     * @throws SampleDataViolation for an image or a segment length that is not positive
     */
    public static List<SampleSegment> fixedLength(SampleData sample, double segmentMs, boolean keepShorterLast) {
        sample.requireTimeSeries("split");
        if (!(segmentMs > 0) || !Double.isFinite(segmentMs)) {
            throw new SampleDataViolation("segment length " + segmentMs + " ms is not a positive number");
        }
        int n = sample.length();
        long perSegment = Math.max(1, Math.round(segmentMs / sample.intervalMs()));
        List<SampleSegment> segments = new ArrayList<>();
        for (long start = 0; start < n; start += perSegment) {
            int end = (int) Math.min(n, start + perSegment);
            if (end - start < perSegment && !keepShorterLast) {
                break;
            }
            segments.add(segment(sample, (int) start, end));
        }
        return segments;
    }

    /**
     * The parts of the sample whose frame RMS is at or above the threshold, per {@link EnergySplitOptions}. Empty
     * when nothing is loud enough.
     *
     * @throws SampleDataViolation for an image
     */
    public static List<SampleSegment> aboveEnergy(SampleData sample, EnergySplitOptions options) {
        sample.requireTimeSeries("split");
        double interval = sample.intervalMs();
        int n = sample.length();
        int frame = (int) Math.max(1, Math.min(n, Math.round(options.frameMs() / interval)));
        int minLength = (int) Math.ceil(options.minSegmentMs() / interval - 1e-9);
        int padding = (int) Math.min(n, Math.round(options.paddingMs() / interval));
        float[][] values = sample.unsafeValues();

        List<int[]> merged = new ArrayList<>();
        int runStart = -1;
        int frames = (n + frame - 1) / frame;
        // one extra step past the last frame closes a run that lasts to the end
        for (int f = 0; f <= frames; f++) {
            int frameStart = (int) Math.min(n, (long) f * frame);
            boolean active = f < frames
                    && frameRms(values, frameStart, Math.min(n, frameStart + frame)) >= options.thresholdRms();
            if (active && runStart < 0) {
                runStart = frameStart;
            } else if (!active && runStart >= 0) {
                if (frameStart - runStart >= minLength) {
                    addMerged(merged, Math.max(0, runStart - padding), Math.min(n, frameStart + padding));
                }
                runStart = -1;
            }
        }
        List<SampleSegment> segments = new ArrayList<>(merged.size());
        for (int[] range : merged) {
            segments.add(segment(sample, range[0], range[1]));
        }
        return segments;
    }

    private static void addMerged(List<int[]> ranges, int start, int end) {
        if (!ranges.isEmpty()) {
            int[] last = ranges.get(ranges.size() - 1);
            if (start <= last[1]) {
                last[1] = Math.max(last[1], end);
                return;
            }
        }
        ranges.add(new int[] {start, end});
    }

    private static double frameRms(float[][] values, int from, int to) {
        double sum = 0;
        for (float[] axis : values) {
            for (int i = from; i < to; i++) {
                sum += (double) axis[i] * axis[i];
            }
        }
        return Math.sqrt(sum / ((double) (to - from) * values.length));
    }

    private static SampleSegment segment(SampleData sample, int start, int end) {
        double interval = sample.intervalMs();
        return new SampleSegment(start, end, start * interval, end * interval, sample.slice(start, end));
    }
}
