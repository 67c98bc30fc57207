package dev.edgeforge.training.realdata;

import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What an impulse suggestion reads from a project's training samples: kind of data, axes, sampling rate (from the
 * median interval) and the distribution of recording lengths.
 *
 * @param audio        whether the samples are audio (recorded from WAV files, or sampled at 4 kHz or more)
 * @param axes         the axes every sample has, in the first sample's order
 * @param frequencyHz  1000 / the median sampling interval
 * @param medianMs     median recording length
 * @param p95Ms        95th percentile of the recording lengths
 * @param maxMs        longest recording
 * @param minMs        shortest recording
 * @param sampleCount  number of recordings
 * @param lengthsMs    every recording's length, ascending
 */
public record DataProfile(
        boolean audio,
        List<String> axes,
        double frequencyHz,
        double medianMs,
        double p95Ms,
        double maxMs,
        double minMs,
        int sampleCount,
        double[] lengthsMs) {

    /** Audio rate from which a one-axis series counts as sound even without WAV metadata. */
    static final double AUDIO_RATE_HZ = 4000;

    public static DataProfile of(List<SampleData> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a profile needs samples");
        }
        double[] intervals =
                samples.stream().mapToDouble(SampleData::intervalMs).sorted().toArray();
        double[] lengths =
                samples.stream().mapToDouble(SampleData::durationMs).sorted().toArray();
        List<String> axes = samples.get(0).sensors().stream()
                .map(Sensor::name)
                .filter(name -> samples.stream()
                        .allMatch(s -> s.sensors().stream()
                                .anyMatch(sensor -> sensor.name().equals(name))))
                .toList();
        double frequency = 1000.0 / percentile(intervals, 0.5);
        boolean audio = samples.stream().allMatch(s -> s.audio().isPresent())
                || (axes.size() == 1 && frequency >= AUDIO_RATE_HZ);
        return new DataProfile(
                audio,
                axes,
                frequency,
                percentile(lengths, 0.5),
                percentile(lengths, 0.95),
                lengths[lengths.length - 1],
                lengths[0],
                samples.size(),
                lengths);
    }

    /** The {@code q} quantile (0..1) of the recording lengths. */
    public double lengthPercentileMs(double q) {
        return percentile(lengthsMs, q);
    }

    /** Linear-interpolated percentile of sorted values ({@code q} in 0..1). */
    static double percentile(double[] sorted, double q) {
        double[] v = sorted.clone();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s %s at %.1f Hz, %d recordings, length min %.0f / median %.0f / p95 %.0f" + " / max %.0f ms",
                audio ? "audio" : "time series",
                axes,
                frequencyHz,
                sampleCount,
                minMs,
                medianMs,
                p95Ms,
                maxMs);
    }
}
