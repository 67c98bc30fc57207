package dev.edgeforge.core.sample;

import java.util.Objects;

/**
 * One axis of a sample: its name (e.g. {@code accX}, {@code audio}) and units (e.g. {@code m/s2}, {@code wav};
 * empty when unknown).
 *
 * @param name  non-blank axis name
 * @param units units, never {@code null} (empty string when unknown)
 */
public record Sensor(String name, String units) {

    public Sensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(units, "units");
        if (name.isBlank()) {
            throw new SampleDataViolation("sensor name is blank");
        }
    }

    /** A sensor whose units are unknown. */
    public static Sensor of(String name) {
        return new Sensor(name, "");
    }
}
