package dev.edgeforge.api.sample.dataset;

import java.util.List;

/**
 * Counts and durations of a project's samples per label and category.
 *
 * @param total      every sample
 * @param categories one entry per category (training, testing, anomaly), always all three
 * @param labels     one entry per label (null label = unlabeled samples), sorted by label
 * @param trainTest  the share of training and testing among the samples in either
 * @param signatures samples per signature status
 * @param export     what the dataset export writes for the samples
 */
public record DatasetSummary(
        Totals total,
        List<CategoryTotals> categories,
        List<LabelTotals> labels,
        TrainTest trainTest,
        Signatures signatures,
        Export export) {

    /**
     * @param count      samples
     * @param enabled    of which enabled
     * @param durationMs total duration of the samples (0 for images)
     */
    public record Totals(long count, long enabled, double durationMs) {
        static final Totals ZERO = new Totals(0, 0, 0);

        Totals plus(Totals other) {
            return new Totals(count + other.count, enabled + other.enabled, durationMs + other.durationMs);
        }
    }

    public record CategoryTotals(String category, Totals totals) {}

    public record LabelTotals(String label, Totals training, Totals testing, Totals anomaly, Totals total) {}

    /**
     * @param trainingShare training / (training + testing) by count, 0 when both are empty
     * @param testingShare  testing / (training + testing) by count
     */
    public record TrainTest(long training, long testing, double trainingShare, double testingShare) {}

    /**
     * Edge Impulse messages by signature status (other formats have none).
     *
     * @param verified   confirmed by an HMAC key of the project
     * @param unverified signed, but the project had no key to check them with (e.g. a Studio export before its key
     *                   was added)
     * @param invalid    signed, but the project's keys disprove them
     * @param unsigned   {@code alg: none}
     */
    public record Signatures(long verified, long unverified, long invalid, long unsigned) {}

    /**
     * What {@code GET .../dataset/export} writes.
     *
     * @param asUploaded       samples written byte for byte as they were uploaded
     * @param signedAsUploaded of those, signed Edge Impulse messages, whose signature (and {@code iat}) the export
     *                         keeps
     * @param edited           samples EdgeForge rewrote after a crop or split: written as rewritten, unsigned (a
     *                         signature their upload carried is lost)
     * @param converted        CSV samples, written as unsigned Edge Impulse JSON
     */
    public record Export(long asUploaded, long signedAsUploaded, long edited, long converted) {}
}
