package dev.edgeforge.training.job;

import dev.edgeforge.core.learning.EpochMetrics;
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
 */
public record ModelMetrics(
        ModelKind kind,
        Double uncertainThreshold,
        Evaluation<?> validation,
        Evaluation<?> test,
        AnomalyMetrics anomaly,
        List<EpochMetrics> history,
        Integer bestEpoch,
        Boolean stoppedEarly) {}
