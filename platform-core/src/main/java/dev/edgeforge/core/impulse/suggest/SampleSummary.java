package dev.edgeforge.core.impulse.suggest;

import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.util.List;
import java.util.Objects;

/**
 * What a suggestion needs to know of one sample: what kind of recording it is, its axes, its sampling interval and
 * its length. No values.
 *
 * @param kind       audio (read from a WAV file), a sensor series, or an image
 * @param axes       the axis names in the sample's order (an image's single "image" axis is kept as is)
 * @param intervalMs ms between readings; 0 for images
 * @param durationMs the recording's length in ms; 0 for images
 */
public record SampleSummary(Kind kind, List<String> axes, double intervalMs, double durationMs) {

    /** What a sample holds. */
    public enum Kind {
        /** A sound recording (a WAV file). */
        AUDIO,
        /** Readings of one or more sensor axes over time (JSON, CBOR, CSV). */
        SENSOR,
        /** A picture. */
        IMAGE
    }

    public SampleSummary {
        Objects.requireNonNull(kind, "kind");
        axes = axes == null ? List.of() : List.copyOf(axes);
    }

    /** The summary of parsed sample data. */
    public static SampleSummary of(SampleData data) {
        Kind kind = data.isImage() ? Kind.IMAGE : data.audio().isPresent() ? Kind.AUDIO : Kind.SENSOR;
        List<String> axes = data.sensors().stream().map(Sensor::name).toList();
        return kind == Kind.IMAGE
                ? new SampleSummary(kind, axes, 0, 0)
                : new SampleSummary(kind, axes, data.intervalMs(), data.durationMs());
    }

    /** Whether the sample is a series over time (audio or sensors). */
    public boolean isSeries() {
        return kind != Kind.IMAGE;
    }
}
