package dev.edgeforge.jobs.training;

/**
 * The headline numbers of a model, for lists; {@code null} where they do not apply.
 *
 * @param validationAccuracy     float32 validation accuracy (classification)
 * @param int8ValidationAccuracy int8 validation accuracy
 * @param testAccuracy           float32 test accuracy
 * @param int8TestAccuracy       int8 test accuracy
 * @param int8Agreement          share of test windows where int8 and float32 predict the same class
 * @param validationRmse         regression error on validation
 * @param testRmse               regression error on the test set
 * @param testAuc                anomaly ROC AUC on the test set
 */
public record ModelSummary(
        Double validationAccuracy,
        Double int8ValidationAccuracy,
        Double testAccuracy,
        Double int8TestAccuracy,
        Double int8Agreement,
        Double validationRmse,
        Double testRmse,
        Double testAuc) {

    public static ModelSummary empty() {
        return new ModelSummary(null, null, null, null, null, null, null, null);
    }
}
