package dev.edgeforge.jobs.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The input of a {@code tune-measure} job, which the server queues when a tune job that named finalists succeeded:
 * the firmware builder builds each finalist for the board, runs it in QEMU and measures what it costs.
 *
 * @param tuneJobId the tune job whose finalists these are
 * @param target    the board the costs are for
 * @param emulator  the emulated board the finalists run on: the target itself, or the emulated board with the
 *                  target's CPU core ({@link TuneMeasurement#emulatorFor})
 * @param finalists what to build and run
 */
public record TuneMeasurePayload(UUID tuneJobId, String target, String emulator, List<TuneFinalist> finalists) {

    /** The job type. */
    public static final String TYPE = "tune-measure";

    public TuneMeasurePayload {
        finalists = finalists == null ? List.of() : List.copyOf(finalists);
    }

    /** What is missing; empty when the payload can be run. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (tuneJobId == null) {
            problems.add("tuneJobId is missing");
        }
        if (target == null || target.isBlank()) {
            problems.add("target is missing");
        }
        if (emulator == null || emulator.isBlank()) {
            problems.add("emulator is missing");
        }
        if (finalists.isEmpty()) {
            problems.add("there is no finalist");
        }
        return problems;
    }
}
