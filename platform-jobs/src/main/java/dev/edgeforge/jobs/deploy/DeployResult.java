package dev.edgeforge.jobs.deploy;

import java.util.List;
import java.util.UUID;

/**
 * The result JSON of a finished deployment job: object keys and figures, no bytes. The server copies it into the
 * deployment's row; the full report (with the compiler's output and the estimate) is the object at
 * {@link #reportKey()}.
 *
 * @param deploymentId the deployment
 * @param format       what the bundle contains
 * @param target       the board
 * @param bundle       the stored ZIP
 * @param reportKey    object key of the full report (the firmware builder's {@code DeploymentReport})
 * @param sizes        the headline sizes (flash and RAM of the linked image, arena)
 * @param memoryReport flash and RAM by section, arena vs lower bound
 * @param verification what the emulated device answered, or why it was not asked
 * @param build        how the build went
 */
public record DeployResult(
        UUID deploymentId,
        String format,
        String target,
        Bundle bundle,
        String reportKey,
        Sizes sizes,
        MemoryReport memoryReport,
        Verification verification,
        Build build) {

    /**
     * @param key      object key of the ZIP
     * @param fileName the ZIP's name for downloads
     * @param bytes    its size
     * @param sha256   its SHA-256, lower-case hex
     */
    public record Bundle(String key, String fileName, long bytes, String sha256) {}

    /**
     * @param flashBytes         flash used by the linked image ({@code null} when none was linked)
     * @param flashCapacityBytes the board's flash
     * @param ramBytes           RAM reserved by the linked image ({@code null} when none was linked)
     * @param ramCapacityBytes   the board's RAM
     * @param arenaBytes         the activation arena
     * @param arenaLowerBound    its liveness lower bound
     * @param modelConstantBytes weights and biases
     */
    public record Sizes(
            Long flashBytes,
            long flashCapacityBytes,
            Long ramBytes,
            long ramCapacityBytes,
            int arenaBytes,
            int arenaLowerBound,
            long modelConstantBytes) {}

    /**
     * The on-device check.
     *
     * @param status                {@link #VERIFIED}, {@link #MISMATCH}, {@link #FAILED} or {@link #NOT_EMULATED}
     * @param verified              true only when every window's output equals the Java int8 reference
     *                              interpreter's, bit for bit
     * @param board                 the board the image announced (or the target when it did not run)
     * @param windowSource          {@code test-set}, {@code given} or {@code random} (the firmware builder's
     *                              {@code TestWindowFile} names them)
     * @param windowNote            where the windows came from, in words
     * @param windows               windows sent
     * @param matching              windows whose output matched
     * @param mismatchCount         windows whose output did not
     * @param mismatches            the first few mismatches with the outputs
     * @param counterUnit           what the instruction counts count ({@code instr} under QEMU)
     * @param instructions          instructions per inference the firmware measured, or {@code null}
     * @param estimatedInstructions the estimator's figure for the network, to read beside the measurement
     * @param deviceAccuracy        share of labelled windows the device classified right, or {@code null}
     * @param serverAccuracy        the same for the server's int8 reference interpreter, or {@code null}
     * @param labelledWindows       windows that carry a label
     * @param failure               why the run did not complete, or {@code null}
     * @param elapsedMillis         wall-clock time in QEMU
     */
    public record Verification(
            String status,
            boolean verified,
            String board,
            String windowSource,
            String windowNote,
            int windows,
            int matching,
            int mismatchCount,
            List<Mismatch> mismatches,
            String counterUnit,
            Instructions instructions,
            Long estimatedInstructions,
            Double deviceAccuracy,
            Double serverAccuracy,
            int labelledWindows,
            String failure,
            long elapsedMillis) {

        public static final String VERIFIED = "verified";
        public static final String MISMATCH = "mismatch";
        public static final String FAILED = "failed";
        public static final String NOT_EMULATED = "not-emulated";

        public Verification {
            mismatches = mismatches == null ? List.of() : List.copyOf(mismatches);
        }
    }

    /**
     * One window whose device output differs from the reference.
     *
     * @param window          index among the windows sent
     * @param expected        the Java interpreter's int8 output
     * @param actual          the device's int8 output
     * @param differingValues how many values differ
     * @param firstDifference index of the first differing value
     * @param maxDifference   largest difference in quantized steps
     */
    public record Mismatch(
            int window,
            List<Integer> expected,
            List<Integer> actual,
            int differingValues,
            int firstDifference,
            int maxDifference) {}

    /** Instructions per inference: smallest, mean, largest over the windows. */
    public record Instructions(long min, double mean, long max) {}

    /**
     * @param fromCache        whether an identical earlier build was reused
     * @param cacheKey         SHA-256 over every input of the build
     * @param elapsedMillis    time spent building (or looking up the cache)
     * @param compilerWarnings what the compiler printed on success (empty when clean)
     */
    public record Build(boolean fromCache, String cacheKey, long elapsedMillis, String compilerWarnings) {}
}
