package dev.edgeforge.core.impulse.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A project's samples summed up for choosing and checking an impulse: which kind of data dominates, the axes, the
 * sampling rate and the distribution of recording lengths.
 *
 * <p>The kind is that of most samples (images against series); series count as audio when every one of them was a
 * WAV file, or when they have a single axis sampled at {@value #AUDIO_RATE_HZ} Hz or more. Rate and lengths are those
 * of the series; an image profile has neither.
 *
 * @param kind            the data the impulse should read
 * @param sampleCount     every summarized sample
 * @param seriesCount     samples that are series over time (audio or sensors)
 * @param imageCount      samples that are images
 * @param axes            the axes every series has, in the first series' order
 * @param anyAxes         the axes at least one series has, in order of first appearance
 * @param frequencyHz     1000 / the median sampling interval of the series (0 without series)
 * @param otherRateCount  series whose rate differs from {@code frequencyHz} by more than 1 %
 * @param lengthsMs       every series' length in ms, ascending
 */
public record DataProfile(
        SampleSummary.Kind kind,
        int sampleCount,
        int seriesCount,
        int imageCount,
        List<String> axes,
        List<String> anyAxes,
        double frequencyHz,
        int otherRateCount,
        double[] lengthsMs) {

    /** Rate from which a one-axis series counts as sound even when it did not come from a WAV file. */
    public static final double AUDIO_RATE_HZ = 4000;

    public DataProfile {
        axes = List.copyOf(axes);
        anyAxes = List.copyOf(anyAxes);
        lengthsMs = lengthsMs.clone();
        Arrays.sort(lengthsMs);
    }

    /**
     * The profile of these samples.
     *
     * @throws IllegalArgumentException when there is no sample
     */
    public static DataProfile of(List<SampleSummary> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a profile needs samples");
        }
        List<SampleSummary> series =
                samples.stream().filter(SampleSummary::isSeries).toList();
        int images = samples.size() - series.size();
        if (series.isEmpty() || images > series.size()) {
            return new DataProfile(
                    SampleSummary.Kind.IMAGE,
                    samples.size(),
                    series.size(),
                    images,
                    List.of(),
                    List.of(),
                    0,
                    0,
                    new double[0]);
        }
        Set<String> any = new LinkedHashSet<>();
        series.forEach(s -> any.addAll(s.axes()));
        List<String> common = series.get(0).axes().stream()
                .filter(axis -> series.stream().allMatch(s -> s.axes().contains(axis)))
                .toList();
        double[] intervals = series.stream()
                .mapToDouble(SampleSummary::intervalMs)
                .filter(v -> v > 0 && Double.isFinite(v))
                .sorted()
                .toArray();
        double frequency = intervals.length == 0 ? 0 : roundHz(1000.0 / percentile(intervals, 0.5));
        int otherRate = 0;
        for (double interval : intervals) {
            otherRate += differs(1000.0 / interval, frequency) ? 1 : 0;
        }
        boolean audio = series.stream().allMatch(s -> s.kind() == SampleSummary.Kind.AUDIO)
                || (common.size() == 1 && frequency >= AUDIO_RATE_HZ);
        double[] lengths =
                series.stream().mapToDouble(SampleSummary::durationMs).toArray();
        return new DataProfile(
                audio ? SampleSummary.Kind.AUDIO : SampleSummary.Kind.SENSOR,
                samples.size(),
                series.size(),
                images,
                common,
                new ArrayList<>(any),
                frequency,
                otherRate,
                lengths);
    }

    /** Whether the profile describes series over time (audio or sensors). */
    public boolean isSeries() {
        return kind != SampleSummary.Kind.IMAGE;
    }

    /** The {@code q} quantile (0..1) of the recording lengths, linearly interpolated; 0 without series. */
    public double lengthPercentileMs(double q) {
        return lengthsMs.length == 0 ? 0 : percentile(lengthsMs, q);
    }

    /** The median recording length. */
    public double medianMs() {
        return lengthPercentileMs(0.5);
    }

    /** The longest recording. */
    public double maxMs() {
        return lengthsMs.length == 0 ? 0 : lengthsMs[lengthsMs.length - 1];
    }

    /** The shortest recording. */
    public double minMs() {
        return lengthsMs.length == 0 ? 0 : lengthsMs[0];
    }

    /** Whether two rates differ by more than 1 % (less is rounding in the recorded intervals). */
    static boolean differs(double aHz, double bHz) {
        return Math.abs(aHz - bHz) > 0.01 * Math.max(aHz, bHz);
    }

    /** Linear-interpolated percentile of sorted values ({@code q} in 0..1). */
    static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** A rate as recorded intervals give it, without the noise of their last digits (0.001 Hz). */
    private static double roundHz(double hz) {
        return Math.round(hz * 1000) / 1000.0;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s %s at %.1f Hz, %d samples (%d series, %d images), length min %.0f / median %.0f / max %.0f ms",
                kind,
                axes,
                frequencyHz,
                sampleCount,
                seriesCount,
                imageCount,
                minMs(),
                medianMs(),
                maxMs());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataProfile p
                && kind == p.kind
                && sampleCount == p.sampleCount
                && seriesCount == p.seriesCount
                && imageCount == p.imageCount
                && axes.equals(p.axes)
                && anyAxes.equals(p.anyAxes)
                && Double.compare(frequencyHz, p.frequencyHz) == 0
                && otherRateCount == p.otherRateCount
                && Arrays.equals(lengthsMs, p.lengthsMs);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.hashCode(lengthsMs) + axes.hashCode();
    }
}
