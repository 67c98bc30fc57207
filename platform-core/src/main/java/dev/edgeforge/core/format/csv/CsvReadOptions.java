package dev.edgeforge.core.format.csv;

import java.util.Objects;
import java.util.Optional;

/**
 * Settings for {@link CsvSampleReader}; everything else is detected.
 *
 * @param intervalMs    the interval between rows; required when the file has no timestamp column, and when given
 *                      it wins over the timestamps
 * @param timestamps    the unit of the timestamp column, overriding detection
 */
public record CsvReadOptions(Optional<Double> intervalMs, Optional<CsvTimestamps> timestamps) {

    public CsvReadOptions {
        Objects.requireNonNull(intervalMs, "intervalMs");
        Objects.requireNonNull(timestamps, "timestamps");
        intervalMs.ifPresent(ms -> {
            if (!(ms > 0) || !Double.isFinite(ms)) {
                throw new IllegalArgumentException("interval " + ms + " ms is not a positive number");
            }
        });
        if (timestamps.isPresent() && timestamps.get() == CsvTimestamps.NONE) {
            throw new IllegalArgumentException("NONE is a result, not a timestamp unit to ask for");
        }
    }

    /** Detect everything; the file must then have a timestamp column. */
    public static CsvReadOptions defaults() {
        return new CsvReadOptions(Optional.empty(), Optional.empty());
    }

    public CsvReadOptions withIntervalMs(double ms) {
        return new CsvReadOptions(Optional.of(ms), timestamps);
    }

    public CsvReadOptions withTimestamps(CsvTimestamps unit) {
        return new CsvReadOptions(intervalMs, Optional.of(unit));
    }
}
