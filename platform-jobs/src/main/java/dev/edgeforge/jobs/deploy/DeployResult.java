package dev.edgeforge.jobs.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
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
 * @param checklist    the seed's checklist (flash, latency, peak RAM, verified) with its figures; {@code null} in
 *                     results stored before it existed
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
        Build build,
        DeploymentChecklist checklist) {

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
     * The on-device check: one of four outcomes, told apart in JSON by {@code status} ({@value #VERIFIED},
     * {@value #OUTPUTS_DIFFER}, {@value #RUN_FAILED}, {@value #NOT_EMULATED}). Every outcome also writes
     * {@code verified}, true only for {@link Verified}.
     *
     * <p>The JSON is the flat object deployments have stored since V7 (the server keeps it in
     * {@code deployments.verification}): a stored object still reads, its members that an outcome no longer carries
     * (zeros and nulls, e.g. the windows of a board that was not emulated) are ignored, and an outcome's counts that
     * follow from it (a verified run's {@code matching} and {@code mismatchCount}) are still written.
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "status")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Verified.class, name = Verification.VERIFIED),
        @JsonSubTypes.Type(value = OutputsDiffer.class, name = Verification.OUTPUTS_DIFFER),
        @JsonSubTypes.Type(value = RunFailed.class, name = Verification.RUN_FAILED),
        @JsonSubTypes.Type(value = NotEmulated.class, name = Verification.NOT_EMULATED),
        @JsonSubTypes.Type(value = AnomalyScores.class, name = Verification.ANOMALY)
    })
    @JsonIgnoreProperties(ignoreUnknown = true)
    public sealed interface Verification permits EmulatedRun, NotEmulated, AnomalyScores {
        String VERIFIED = "verified";
        String OUTPUTS_DIFFER = "mismatch";
        String RUN_FAILED = "failed";
        String NOT_EMULATED = "not-emulated";
        /** An anomaly model's scores on the emulated device against the server's ({@link AnomalyScores}). */
        String ANOMALY = "anomaly";

        /** {@value #VERIFIED}, {@value #OUTPUTS_DIFFER}, {@value #RUN_FAILED} or {@value #NOT_EMULATED}. */
        @JsonProperty("status")
        String status();

        /**
         * True only when every window's output equals the Java int8 reference interpreter's, bit for bit.
         */
        @JsonProperty("verified")
        default boolean verified() {
            return this instanceof Verified;
        }

        /** The board the image announced (or the target when it did not run). */
        String board();

        /**
         * {@code test-set}, {@code given} or {@code random} (the firmware builder's {@code TestWindowFile} names
         * them).
         */
        String windowSource();

        /** Where the windows came from, in words (and, when not emulated, why). */
        String windowNote();

        /** The estimator's instructions per inference for the network, to read beside a measurement. */
        Long estimatedInstructions();
    }

    /**
     * A run of the image in the emulator, whatever it answered.
     *
     * <p>{@code windows} windows were to be sent; {@code matching} answered exactly as the reference,
     * {@code mismatchCount} did not ({@code mismatches}: the first few); the rest were not answered (a run that
     * broke off). {@code instructions} are per inference as the firmware measured them ({@code counterUnit}:
     * {@code instr} under QEMU), {@code null} when none was measured. {@code deviceAccuracy} and
     * {@code serverAccuracy} are the top-1 accuracies (core {@code learning.eval.Prediction.top1}, the definition of
     * every accuracy of the platform): the shares of the {@code labelledWindows} whose highest output on the device
     * and in the server's int8 reference is their class, {@code null} without labelled windows.
     * {@code elapsedMillis}: wall-clock time in the emulator. {@code path} is how the windows reached the device:
     * {@value #PATH_RAW} (raw windows through the image's own DSP block and network, the {@code window} command;
     * {@code instructions} then has the DSP block's and the network's counts apart) or {@value #PATH_FEATURES} (the
     * int8 input tensor the server computed, the {@code run} command; every run stored before the path was
     * recorded). {@code stackBytes}: the deepest the image's stack went over the run (stack painting), {@code null}
     * when the image did not say. {@code peakRamBytes}: static RAM plus that high-water mark (see
     * {@link #peakRamBytes()}).
     */
    public sealed interface EmulatedRun extends Verification permits Verified, OutputsDiffer, RunFailed {
        String PATH_RAW = "raw";
        String PATH_FEATURES = "features";

        String path();

        Integer stackBytes();

        /**
         * The most RAM the image used over the run: its static RAM ({@code .data}, {@code .bss} and every other
         * allocated writable section of the linked ELF except the {@code .stack} reservation) plus
         * {@link #stackBytes} (the painted stack's high-water mark). No heap is counted because the images have none
         * (the firmware links no {@code _sbrk}; the TFLM build's always fails). {@code null} when the stack was not
         * reported or the ELF could not be read, and in runs stored before it was measured.
         */
        Long peakRamBytes();

        @JsonProperty("windows")
        int windows();

        /**
         * The test set's size: {@link #windows} is less while a stratified first sample has been verified and the
         * rest is still running (runs stored before the sample existed: equal to {@code windows}).
         */
        Integer windowsTotal();

        @JsonProperty("matching")
        int matching();

        @JsonProperty("mismatchCount")
        int mismatchCount();

        @JsonProperty("mismatches")
        List<Mismatch> mismatches();

        String counterUnit();

        Instructions instructions();

        Double deviceAccuracy();

        Double serverAccuracy();

        int labelledWindows();

        long elapsedMillis();
    }

    /** Every window's output equals the reference's, bit for bit. */
    public record Verified(
            String board,
            String windowSource,
            String windowNote,
            int windows,
            String counterUnit,
            Instructions instructions,
            Long estimatedInstructions,
            Double deviceAccuracy,
            Double serverAccuracy,
            int labelledWindows,
            long elapsedMillis,
            String path,
            Integer stackBytes,
            Integer windowsTotal,
            Long peakRamBytes)
            implements EmulatedRun {

        public Verified {
            windowsTotal = windowsTotal == null ? windows : windowsTotal;
            path = path == null ? PATH_FEATURES : path;
        }

        @Override
        public String status() {
            return VERIFIED;
        }

        @Override
        public int matching() {
            return windows;
        }

        @Override
        public int mismatchCount() {
            return 0;
        }

        @Override
        public List<Mismatch> mismatches() {
            return List.of();
        }
    }

    /** The run answered every window, and some answers differ from the reference's. */
    public record OutputsDiffer(
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
            long elapsedMillis,
            String path,
            Integer stackBytes,
            Integer windowsTotal,
            Long peakRamBytes)
            implements EmulatedRun {

        public OutputsDiffer {
            windowsTotal = windowsTotal == null ? windows : windowsTotal;
            path = path == null ? PATH_FEATURES : path;
            mismatches = mismatches == null ? List.of() : List.copyOf(mismatches);
        }

        @Override
        public String status() {
            return OUTPUTS_DIFFER;
        }
    }

    /**
     * The run did not complete (QEMU crashed or timed out, the firmware broke the protocol): {@code failure} says
     * how; the counts are of the windows answered before, the windows after it were not sent.
     */
    public record RunFailed(
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
            long elapsedMillis,
            String path,
            Integer stackBytes,
            Integer windowsTotal,
            Long peakRamBytes)
            implements EmulatedRun {

        public RunFailed {
            windowsTotal = windowsTotal == null ? windows : windowsTotal;
            path = path == null ? PATH_FEATURES : path;
            mismatches = mismatches == null ? List.of() : List.copyOf(mismatches);
        }

        @Override
        public String status() {
            return RUN_FAILED;
        }
    }

    /**
     * The target is not emulated: its image was compiled and linked but not run; {@code windowNote} says so and
     * where the proof can be had.
     */
    public record NotEmulated(String board, String windowSource, String windowNote, Long estimatedInstructions)
            implements Verification {

        @Override
        public String status() {
            return NOT_EMULATED;
        }
    }

    /**
     * An anomaly model run in the emulator: every test window's score on the device (float32) against the server's
     * ({@code AnomalyModel.score}, double), and the decisions at the saved {@code threshold}. {@code verified} is true
     * only when the run completed, every decision is equal and every score is within the tolerance:
     * {@code |device - server| <= relativeTolerance * max(1, |server|)}.
     *
     * @param board                 the board the image announced
     * @param windowSource          where the windows came from ({@code test-set}, …)
     * @param windowNote            the same in words
     * @param estimatedInstructions {@code null}: the estimator models networks only
     * @param model                 {@code kmeans} or {@code gmm}
     * @param threshold             the saved threshold the image decides with
     * @param windows               windows sent
     * @param answered              windows the device answered
     * @param decisionsEqual        answered windows whose is-anomaly equals the server's
     * @param withinTolerance       answered windows whose score is within the tolerance
     * @param maxAbsoluteDifference largest {@code |device - server|} over the answered windows ({@code null}: none)
     * @param maxRelativeDifference largest {@code |device - server| / max(1, |server|)} ({@code null}: none)
     * @param relativeTolerance     the tolerance stated above
     * @param deviceAnomalies       windows the device called anomalous
     * @param serverAnomalies       windows the server calls anomalous
     * @param counterUnit           what the counts measure ({@code instr} under QEMU)
     * @param instructions          per window (score, or DSP block and score), {@code null} when none was measured
     * @param path                  {@code raw} (raw windows through the device's DSP block) or {@code features}
     * @param failure               why the run broke off, or {@code null}
     * @param elapsedMillis         wall-clock time in the emulator
     * @param worst                 the windows with the largest differences (at most a few), for the page
     */
    public record AnomalyScores(
            String board,
            String windowSource,
            String windowNote,
            Long estimatedInstructions,
            String model,
            double threshold,
            int windows,
            int answered,
            int decisionsEqual,
            int withinTolerance,
            Double maxAbsoluteDifference,
            Double maxRelativeDifference,
            double relativeTolerance,
            int deviceAnomalies,
            int serverAnomalies,
            String counterUnit,
            Instructions instructions,
            String path,
            String failure,
            long elapsedMillis,
            List<ScoreDifference> worst)
            implements Verification {

        public AnomalyScores {
            worst = worst == null ? List.of() : List.copyOf(worst);
        }

        @Override
        public String status() {
            return ANOMALY;
        }

        @Override
        public boolean verified() {
            return failure == null
                    && windows > 0
                    && answered == windows
                    && decisionsEqual == windows
                    && withinTolerance == windows;
        }
    }

    /**
     * One window's anomaly score on the device and on the server.
     *
     * @param window index among the windows sent
     * @param device the device's float32 score
     * @param server the server's score
     * @param deviceAnomaly the device's decision
     * @param serverAnomaly the server's decision
     */
    public record ScoreDifference(
            int window, double device, double server, boolean deviceAnomaly, boolean serverAnomaly) {}

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

    /**
     * Instructions per inference: smallest, mean, largest over the windows, for the whole inference; on the
     * {@value EmulatedRun#PATH_RAW} path also the DSP block's ({@code dsp}) and the network's ({@code network}) apart,
     * {@code null} otherwise (and in runs stored before).
     */
    public record Instructions(long min, double mean, long max, Counts dsp, Counts network) {

        /** Counts without the DSP block's and the network's apart. */
        public Instructions(long min, double mean, long max) {
            this(min, mean, max, null, null);
        }
    }

    /** Smallest, mean, largest count of one part of the inference over the windows. */
    public record Counts(long min, double mean, long max) {}

    /**
     * @param fromCache        whether an identical earlier build was reused
     * @param cacheKey         SHA-256 over every input of the build
     * @param elapsedMillis    time spent building (or looking up the cache)
     * @param compilerWarnings what the compiler printed on success (empty when clean)
     */
    public record Build(boolean fromCache, String cacheKey, long elapsedMillis, String compilerWarnings) {}
}
