package dev.edgeforge.core.format.csv;

import dev.edgeforge.core.sample.SampleData;
import java.util.Optional;

/**
 * A CSV file read by {@link CsvSampleReader}, with what was detected so that a person can check it.
 *
 * @param data            sensors (one per value column), interval and values
 * @param dialect         the delimiter and decimal separator found
 * @param timestampColumn the header of the timestamp column, if there was one
 * @param timestamps      how the timestamps were read ({@link CsvTimestamps#NONE} without a timestamp column)
 * @param maxJitter       the largest deviation of a timestamp step from the mean interval, as a fraction of it
 *                        (0 when the interval was given)
 */
public record CsvSample(
        SampleData data,
        CsvDialect dialect,
        Optional<String> timestampColumn,
        CsvTimestamps timestamps,
        double maxJitter) {}
