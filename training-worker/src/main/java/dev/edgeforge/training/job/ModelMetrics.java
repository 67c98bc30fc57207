package dev.edgeforge.training.job;

import dev.edgeforge.core.learning.EpochMetrics;
import dev.edgeforge.core.model.stats.Int8Check;
import dev.edgeforge.jobs.training.ModelKind;
import java.util.List;

/**
 * The content of {@code metrics.json}: everything measured about a trained model. The server copies it into the
 * model row (without {@code history}, which gets a column of its own).
 *
 * @param kind               what the model predicts
 * @param uncertainThreshold the classification threshold the reports use
 * @param validation         on the validation split (networks only)
 * @param test               on the test set, or {@code null} without one (networks only)
 * @param anomaly            K-means figures (anomaly models only)
 * @param history            per-epoch loss and accuracy (networks only)
 * @param bestEpoch          the epoch whose weights were kept
 * @param stoppedEarly       whether early stopping ended training
 * @param int8Check          int8 against float32 on the validation windows, with a warning and a suggested fix below
 *                           98 % agreement (classifiers only)
 */
public record ModelMetrics(
        ModelKind kind,
        Double uncertainThreshold,
        Evaluation<?> validation,
        Evaluation<?> test,
        AnomalyMetrics anomaly,
        List<EpochMetrics> history,
        Integer bestEpoch,
        Boolean stoppedEarly,
        Int8Check int8Check) {

    /** Metrics without an int8 check (anomaly and regression models). */
    public ModelMetrics(
            ModelKind kind,
            Double uncertainThreshold,
            Evaluation<?> validation,
            Evaluation<?> test,
            AnomalyMetrics anomaly,
            List<EpochMetrics> history,
            Integer bestEpoch,
            Boolean stoppedEarly) {
        this(kind, uncertainThreshold, validation, test, anomaly, history, bestEpoch, stoppedEarly, null);
    }
}
