package dev.edgeforge.jobs.tune;

import java.util.List;
import java.util.UUID;

/**
 * The result JSON of a successful {@code tune-measure} job.
 *
 * @param tuneJobId    the tune job measured
 * @param target       the board the costs are for
 * @param emulator     the emulated board the finalists ran on
 * @param measurements one per finalist that was built and run; a finalist whose build or run failed is in
 *                     {@code failures}
 * @param failures     one line per finalist that could not be measured, naming it and why
 */
public record TuneMeasureResult(
        UUID tuneJobId, String target, String emulator, List<TuneMeasurement> measurements, List<String> failures) {

    public TuneMeasureResult {
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }
}
