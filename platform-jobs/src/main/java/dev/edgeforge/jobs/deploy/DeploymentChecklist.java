package dev.edgeforge.jobs.deploy;

import dev.edgeforge.jobs.estimate.DeploymentEstimate;
import java.util.List;
import java.util.Locale;

/**
 * The seed's checklist for a deployment: the image fits {@value #FLASH_LIMIT_BYTES} bytes of flash, one inference
 * takes less than {@value #LATENCY_LIMIT_MILLIS} ms, the peak RAM was measured and the image was verified on the
 * (emulated) device. Each item says whether it passed, failed or was not measured, the figure, the limit and whether
 * the figure was measured or estimated: an estimate can pass the flash and latency items (marked as estimated), never
 * the peak-RAM or verification items, which pass only on a measurement.
 *
 * @param items {@link #FLASH}, {@link #LATENCY}, {@link #PEAK_RAM}, {@link #VERIFIED}, in that order
 */
public record DeploymentChecklist(List<Item> items) {

    /** Flash the image may use: 256 KB. */
    public static final long FLASH_LIMIT_BYTES = 256L * 1024;
    /** Time one inference may take. */
    public static final double LATENCY_LIMIT_MILLIS = 100;

    public static final String FLASH = "flash";
    public static final String LATENCY = "latency";
    public static final String PEAK_RAM = "peak-ram";
    public static final String VERIFIED = "verified";

    public static final String PASS = "pass";
    public static final String FAIL = "fail";
    public static final String NOT_MEASURED = "not-measured";

    public static final String MEASURED = "measured";
    public static final String ESTIMATED = "estimated";

    public DeploymentChecklist {
        items = List.copyOf(items);
    }

    /**
     * One item.
     *
     * @param id      {@link #FLASH}, {@link #LATENCY}, {@link #PEAK_RAM} or {@link #VERIFIED}
     * @param title   what is checked, in words
     * @param outcome {@link #PASS}, {@link #FAIL} or {@link #NOT_MEASURED}
     * @param figure  the figure the outcome is of ({@code null}: none), in {@code unit}
     * @param limit   the limit it is held against ({@code null}: none, as for verification)
     * @param unit    {@code bytes}, {@code ms} or {@code null}
     * @param basis   {@link #MEASURED}, {@link #ESTIMATED} or {@code null} (no figure)
     * @param note    how the figure was had, in words
     */
    public record Item(
            String id,
            String title,
            String outcome,
            Double figure,
            Double limit,
            String unit,
            String basis,
            String note) {

        public boolean passed() {
            return PASS.equals(outcome);
        }
    }

    /** Whether every item passed. */
    public boolean allPassed() {
        return items.stream().allMatch(Item::passed);
    }

    /**
     * @param sizes        the build's sizes (flash of the linked image, {@code null} without one)
     * @param verification the on-device outcome
     * @param clockHz      the board's clock, to turn measured instructions into time
     * @param estimate     the estimator's figures for this model and board (an anomaly model's from
     *                     {@code AnomalyEstimator}), {@code null} when there are none
     */
    public static DeploymentChecklist of(
            DeployResult.Sizes sizes,
            DeployResult.Verification verification,
            long clockHz,
            DeploymentEstimate estimate) {
        return new DeploymentChecklist(List.of(
                flash(sizes, estimate),
                latency(verification, clockHz, estimate),
                peakRam(sizes, verification, estimate),
                verified(verification)));
    }

    private static Item flash(DeployResult.Sizes sizes, DeploymentEstimate estimate) {
        String title = "Model image < 256 KB flash";
        double limit = FLASH_LIMIT_BYTES;
        if (sizes != null && sizes.flashBytes() != null) {
            return new Item(
                    FLASH,
                    title,
                    sizes.flashBytes() < FLASH_LIMIT_BYTES ? PASS : FAIL,
                    (double) sizes.flashBytes(),
                    limit,
                    "bytes",
                    MEASURED,
                    "flash of the linked image (code, constants, initial values of .data)");
        }
        if (estimate != null) {
            long bytes = estimate.flash().totalBytes();
            return new Item(
                    FLASH,
                    title,
                    bytes < FLASH_LIMIT_BYTES ? PASS : FAIL,
                    (double) bytes,
                    limit,
                    "bytes",
                    ESTIMATED,
                    "estimated: the bundle is source without a linked image");
        }
        return new Item(FLASH, title, NOT_MEASURED, null, limit, "bytes", null, "no linked image and no estimate");
    }

    private static Item latency(DeployResult.Verification verification, long clockHz, DeploymentEstimate estimate) {
        String title = "Latency per inference < 100 ms";
        DeployResult.Instructions counts = null;
        String unit = null;
        String path = null;
        if (verification instanceof DeployResult.EmulatedRun run) {
            counts = run.instructions();
            unit = run.counterUnit();
            path = run.path();
        } else if (verification instanceof DeployResult.AnomalyScores scores) {
            counts = scores.instructions();
            unit = scores.counterUnit();
            path = scores.path();
        }
        if (counts != null && "instr".equals(unit) && clockHz > 0) {
            double millis = 1000.0 * counts.max() / clockHz;
            String what = DeployResult.EmulatedRun.PATH_RAW.equals(path)
                    ? "DSP block and model"
                    : "the model on the server's features (the DSP block not included)";
            if (counts.dsp() != null && counts.network() != null) {
                what += String.format(
                        Locale.ROOT,
                        "; largest DSP block %d, largest network %d",
                        counts.dsp().max(),
                        counts.network().max());
            }
            return new Item(
                    LATENCY,
                    title,
                    millis < LATENCY_LIMIT_MILLIS ? PASS : FAIL,
                    millis,
                    LATENCY_LIMIT_MILLIS,
                    "ms",
                    MEASURED,
                    String.format(
                            Locale.ROOT,
                            "largest measured instruction count per inference (%d, %s) / the board's clock (%d Hz),"
                                    + " at one instruction per cycle",
                            counts.max(),
                            what,
                            clockHz));
        }
        if (estimate != null) {
            double millis = estimate.latency().totalMillis();
            return new Item(
                    LATENCY,
                    title,
                    millis < LATENCY_LIMIT_MILLIS ? PASS : FAIL,
                    millis,
                    LATENCY_LIMIT_MILLIS,
                    "ms",
                    ESTIMATED,
                    String.format(
                            Locale.ROOT,
                            "estimated: DSP block %.2f ms + network %.2f ms (%s); no instructions were measured"
                                    + " on the device",
                            estimate.latency().dspMillis(),
                            estimate.latency().networkMillis(),
                            estimate.latency().calibrated()
                                    ? "calibrated"
                                    : estimate.latency().networkCalibrated()
                                            ? "network instructions calibrated, time on this board not"
                                            : "not calibrated"));
        }
        return new Item(
                LATENCY,
                title,
                NOT_MEASURED,
                null,
                LATENCY_LIMIT_MILLIS,
                "ms",
                null,
                "no instructions were measured and there is no estimate");
    }

    private static Item peakRam(
            DeployResult.Sizes sizes, DeployResult.Verification verification, DeploymentEstimate estimate) {
        String title = "Peak RAM measured";
        Double capacity = sizes == null ? null : (double) sizes.ramCapacityBytes();
        if (verification instanceof DeployResult.EmulatedRun run && run.peakRamBytes() != null) {
            long peak = run.peakRamBytes();
            boolean fits = capacity == null || peak <= capacity;
            return new Item(
                    PEAK_RAM,
                    title,
                    fits ? PASS : FAIL,
                    (double) peak,
                    capacity,
                    "bytes",
                    MEASURED,
                    "static RAM of the linked image (.data, .bss) + the stack's high-water mark (" + run.stackBytes()
                            + " bytes, stack painting); no heap");
        }
        if (estimate != null) {
            return new Item(
                    PEAK_RAM,
                    title,
                    NOT_MEASURED,
                    (double) estimate.ram().totalBytes(),
                    capacity,
                    "bytes",
                    ESTIMATED,
                    "not measured (the image did not run on the emulated device); the figure is the estimate of"
                            + " the RAM reserved at link time");
        }
        return new Item(
                PEAK_RAM,
                title,
                NOT_MEASURED,
                null,
                capacity,
                "bytes",
                null,
                "not measured (the image did not report its stack on the emulated device)");
    }

    private static Item verified(DeployResult.Verification verification) {
        String title = "Verified on the (emulated) device";
        if (verification == null || verification instanceof DeployResult.NotEmulated) {
            return new Item(
                    VERIFIED,
                    title,
                    NOT_MEASURED,
                    null,
                    null,
                    null,
                    null,
                    verification == null ? "not run" : "not run: " + verification.windowNote());
        }
        if (verification instanceof DeployResult.EmulatedRun run) {
            String scope = run.windows() < run.windowsTotal()
                    ? run.windows() + " of " + run.windowsTotal() + " windows (a first sample; the rest is running)"
                    : run.windows() + " windows";
            String note;
            if (run instanceof DeployResult.RunFailed failed) {
                note = "the run did not complete: " + failed.failure();
            } else if (run.verified()) {
                note = "every output equals the reference bit for bit, " + scope;
            } else {
                note = run.mismatchCount() + " of " + scope + " differ from the reference";
            }
            return new Item(
                    VERIFIED,
                    title,
                    run.verified() ? PASS : FAIL,
                    (double) run.matching(),
                    (double) run.windows(),
                    "windows",
                    MEASURED,
                    note);
        }
        DeployResult.AnomalyScores scores = (DeployResult.AnomalyScores) verification;
        return new Item(
                VERIFIED,
                title,
                scores.verified() ? PASS : FAIL,
                (double) scores.withinTolerance(),
                (double) scores.windows(),
                "windows",
                MEASURED,
                scores.decisionsEqual() + " of " + scores.windows() + " decisions equal, " + scores.withinTolerance()
                        + " scores within tolerance"
                        + (scores.failure() == null ? "" : "; the run broke off: " + scores.failure()));
    }
}
