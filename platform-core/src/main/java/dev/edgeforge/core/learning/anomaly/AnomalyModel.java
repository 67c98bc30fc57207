package dev.edgeforge.core.learning.anomaly;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Arrays;

/**
 * A trained anomaly model: it gives every window a score that is higher the less the window looks like the normal
 * training data. Stored as JSON with a {@code type} ({@code kmeans} or {@code gmm}); a file without one is a K-means
 * model (files written before the Gaussian mixture existed).
 *
 * <p>How to add a model: implement this interface as a record, name it in {@link JsonSubTypes}, add its learning
 * block kind and its training in the worker's {@code AnomalyTraining}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = KMeansModel.class)
@JsonSubTypes({
    @JsonSubTypes.Type(value = KMeansModel.class, name = "kmeans"),
    @JsonSubTypes.Type(value = GaussianMixtureModel.class, name = "gmm")
})
public sealed interface AnomalyModel permits KMeansModel, GaussianMixtureModel {

    /** Number of features a window must have. */
    int featureCount();

    /** Iterations the fit ran (Lloyd or EM). */
    int iterations();

    /** The anomaly score of one window's features. */
    double score(float[] features);

    /** Scores of many windows. */
    default double[] scores(float[][] samples) {
        double[] scores = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            scores[i] = score(samples[i]);
        }
        return scores;
    }

    /**
     * The {@code quantile} (0..1) of the scores of {@code samples}, linearly interpolated: e.g. the 0.99 quantile of
     * the training data's scores is a starting threshold that calls 1 % of normal data anomalous.
     */
    default double scoreQuantile(float[][] samples, double quantile) {
        if (samples.length == 0 || !(quantile >= 0 && quantile <= 1)) {
            throw new IllegalArgumentException(
                    "need samples and a quantile in [0, 1], got " + samples.length + " samples and " + quantile);
        }
        return quantile(scores(samples), quantile);
    }

    /** The {@code quantile} of {@code values}, linearly interpolated between the two nearest ranks. */
    static double quantile(double[] values, double quantile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = quantile * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** A short description for logs and pages, e.g. "K-means, 32 clusters". */
    String describe();
}
