package dev.edgeforge.jobs.training;

/**
 * The headline numbers of a model, for lists; {@code null} where they do not apply. Accuracies are top-1 (core
 * {@code learning.eval.ClassificationReport}, the one definition of the platform); the uncertain rates and per-sample
 * accuracy are of the float32 report (int8 when there is no float32 network), as the model page shows them.
 *
 * @param validationAccuracy     float32 validation accuracy (classification)
 * @param int8ValidationAccuracy int8 validation accuracy
 * @param testAccuracy           float32 test accuracy
 * @param int8TestAccuracy       int8 test accuracy
 * @param int8Agreement          share of test windows where int8 and float32 predict the same class
 * @param validationRmse         regression error on validation
 * @param testRmse               regression error on the test set
 * @param testAuc                anomaly ROC AUC on the test set
 * @param validationUncertainRate share of validation windows whose top score is below the uncertain threshold
 * @param testUncertainRate      share of test windows whose top score is below the uncertain threshold
 * @param testSampleAccuracy     per-sample test accuracy (each sample's windows vote with their top-1 class)
 */
public record ModelSummary(
        Double validationAccuracy,
        Double int8ValidationAccuracy,
        Double testAccuracy,
        Double int8TestAccuracy,
        Double int8Agreement,
        Double validationRmse,
        Double testRmse,
        Double testAuc,
        Double validationUncertainRate,
        Double testUncertainRate,
        Double testSampleAccuracy) {

    public static ModelSummary empty() {
        return new ModelSummary(null, null, null, null, null, null, null, null, null, null, null);
    }
}
