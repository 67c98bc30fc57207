package dev.edgeforge.firmware.verification;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The outcome of running every test window on the emulated device.
 *
 * @param verified             true only when every window's int8 output equals the Java reference interpreter's,
 *                             bit for bit, and the run completed
 * @param boardId              the board the image announced
 * @param windows              windows sent
 * @param matching             windows whose output matched
 * @param mismatches           the first few mismatching windows, with details
 * @param mismatchCount        all mismatching windows
 * @param counterUnit          what {@code instructions} counts ({@code instr} under QEMU)
 * @param instructions         per-inference counts the firmware measured itself
 * @param path                 {@code raw} when raw windows went through the image's own DSP block ({@code window}),
 *                             {@code features} when the server's int8 input tensors did ({@code run})
 * @param dspInstructions      on the raw path, the DSP block's part of {@code instructions}
 * @param networkInstructions  on the raw path, the network's part
 * @param stackBytes           the stack's high-water mark the image reported after the last window
 * @param deviceAccuracy       share of labelled windows the device classified correctly (argmax), when labels given
 * @param referenceAccuracy    the same for the Java interpreter, to show beside it
 * @param failure              why the run could not complete (QEMU crash, timeout, protocol error), if it did not
 * @param elapsed              wall-clock time of the run
 */
public record VerificationReport(
        boolean verified,
        String boardId,
        int windows,
        int matching,
        List<Mismatch> mismatches,
        int mismatchCount,
        String counterUnit,
        Optional<InstructionStats> instructions,
        String path,
        Optional<InstructionStats> dspInstructions,
        Optional<InstructionStats> networkInstructions,
        OptionalLong stackBytes,
        OptionalDouble deviceAccuracy,
        OptionalDouble referenceAccuracy,
        Optional<String> failure,
        Duration elapsed) {

    /** Raw windows through the image's DSP block and network ({@code window}). */
    public static final String PATH_RAW = "raw";
    /** The server's int8 input tensors through the network ({@code run}). */
    public static final String PATH_FEATURES = "features";

    /** How many mismatches are kept with their details. */
    public static final int MAX_MISMATCHES = 5;

    public VerificationReport {
        mismatches = List.copyOf(mismatches);
    }

    /**
     * One window whose device output differs from the reference.
     *
     * @param window          its index in the request
     * @param expected        the Java interpreter's int8 output
     * @param actual          the device's int8 output
     * @param differingValues how many output values differ
     * @param firstDifference the index of the first differing value
     * @param maxDifference   the largest absolute difference in quantized steps
     */
    public record Mismatch(
            int window, byte[] expected, byte[] actual, int differingValues, int firstDifference, int maxDifference) {

        public Mismatch {
            expected = expected.clone();
            actual = actual.clone();
        }

        @Override
        public byte[] expected() {
            return expected.clone();
        }

        @Override
        public byte[] actual() {
            return actual.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Mismatch that
                    && window == that.window
                    && Arrays.equals(expected, that.expected)
                    && Arrays.equals(actual, that.actual);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * window + Arrays.hashCode(expected)) + Arrays.hashCode(actual);
        }

        @Override
        public String toString() {
            return "window " + window + ": expected " + Arrays.toString(expected) + ", device "
                    + Arrays.toString(actual)
                    + " (" + differingValues + " values differ, first at " + firstDifference + ", by up to "
                    + maxDifference + ")";
        }
    }

    /**
     * Per-inference counts measured by the firmware around the model invocation.
     *
     * @param min  smallest
     * @param mean average
     * @param max  largest
     */
    public record InstructionStats(long min, double mean, long max) {

        static Optional<InstructionStats> of(List<Long> counts) {
            if (counts.isEmpty()) {
                return Optional.empty();
            }
            long min = counts.stream().mapToLong(Long::longValue).min().orElseThrow();
            long max = counts.stream().mapToLong(Long::longValue).max().orElseThrow();
            double mean = counts.stream().mapToLong(Long::longValue).average().orElseThrow();
            return Optional.of(new InstructionStats(min, mean, max));
        }
    }
}
