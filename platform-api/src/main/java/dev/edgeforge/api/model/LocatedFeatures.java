package dev.edgeforge.api.model;

import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.TensorShape;
import java.util.Objects;

/**
 * A project's generated features, as {@link FeatureSetLocator} finds them.
 *
 * @param impulseVersion  the impulse version they were computed with
 * @param datasetVersion  the dataset version they were computed from, or {@code null} when the dataset is not
 *                        versioned
 * @param trainingKey     object key of the training {@code FeatureSet} file ({@code dev.edgeforge.core.feature})
 * @param testingKey      object key of the test {@code FeatureSet} file, or {@code null} when the project has no test
 *                        data
 * @param featureKind     what the learning block receives (flat features, a time series, a spectrogram, an image)
 * @param featureShape    the shape of one window's features, channels last (the rows' length is its element count)
 */
public record LocatedFeatures(
        int impulseVersion,
        Integer datasetVersion,
        String trainingKey,
        String testingKey,
        FeatureKind featureKind,
        TensorShape featureShape) {

    public LocatedFeatures {
        Objects.requireNonNull(trainingKey, "trainingKey");
        Objects.requireNonNull(featureKind, "featureKind");
        Objects.requireNonNull(featureShape, "featureShape");
    }
}
