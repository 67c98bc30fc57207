package dev.edgeforge.jobs.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.edgeforge.core.learning.LearningBlock;
import java.util.Locale;

/** What a model predicts; stored with every model and named in JSON in lower case. */
public enum ModelKind {
    /** Class probabilities (softmax). */
    CLASSIFICATION,
    /** One or more numbers. */
    REGRESSION,
    /** An anomaly score (K-means distance or Gaussian mixture negative log-likelihood). */
    ANOMALY;

    /** The kind of model a learning block trains. */
    public static ModelKind of(LearningBlock.Kind kind) {
        return switch (kind) {
            case CLASSIFICATION -> CLASSIFICATION;
            case REGRESSION -> REGRESSION;
            case ANOMALY_KMEANS, ANOMALY_GMM -> ANOMALY;
        };
    }

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    @JsonCreator
    public static ModelKind fromValue(String value) {
        for (ModelKind kind : values()) {
            if (kind.value().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException(
                "a model kind is classification, regression or anomaly, got '" + value + "'");
    }
}
