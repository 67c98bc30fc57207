package dev.edgeforge.api.sample.dataset;

import java.util.List;

/**
 * Counts and durations of a project's samples per label and category.
 *
 * @param total      every sample
 * @param categories one entry per category (training, testing, anomaly), always all three
 * @param labels     one entry per label (null label = unlabeled samples), sorted by label
 * @param trainTest  the share of training and testing among the samples in either
 */
public record DatasetSummary(
        Totals total, List<CategoryTotals> categories, List<LabelTotals> labels, TrainTest trainTest) {

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
}
