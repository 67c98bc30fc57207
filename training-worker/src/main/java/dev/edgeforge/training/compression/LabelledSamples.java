package dev.edgeforge.training.compression;

import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.training.trainer.Trainer;
import java.util.List;
import java.util.Objects;

/**
 * Classification samples that compression fine-tunes, distils and calibrates on: normally the samples the model was
 * trained on (training and validation; never the test set, which judges the results). With the same hyperparameters
 * seed the trainer holds out the same validation samples as in the original training.
 *
 * @param features     one row per sample, channels last
 * @param sampleShape  the shape of one sample
 * @param featureKind  what the features are (for augmentation)
 * @param labels       class id of every sample
 * @param classNames   class names by id
 */
public record LabelledSamples(
        float[][] features, TensorShape sampleShape, FeatureKind featureKind, int[] labels, List<String> classNames) {

    public LabelledSamples {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(sampleShape, "sampleShape");
        Objects.requireNonNull(featureKind, "featureKind");
        Objects.requireNonNull(labels, "labels");
        classNames = List.copyOf(classNames);
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + labels.length + " labels");
        }
    }

    /** Flat feature vectors. */
    public static LabelledSamples flat(float[][] features, int[] labels, List<String> classNames) {
        int width = features.length == 0 ? 1 : features[0].length;
        return new LabelledSamples(features, TensorShape.of(width), FeatureKind.FLAT, labels, classNames);
    }

    /** A trainer builder with these samples set. */
    Trainer.Builder applyTo(Trainer.Builder builder) {
        return builder.setFeatures(features, sampleShape, featureKind).setClassLabels(labels, classNames);
    }

    /** Indices {@code 0 .. n-1}. */
    int[] allIndices() {
        int[] indices = new int[features.length];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        return indices;
    }
}
