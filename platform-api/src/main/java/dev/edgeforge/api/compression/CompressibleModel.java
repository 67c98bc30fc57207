package dev.edgeforge.api.compression;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TensorShape;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A model as compression sees it (see {@link CompressibleModelSource}).
 *
 * @param id                  the model
 * @param projectId           its project
 * @param name                its name
 * @param kind                {@code classification}, {@code regression} or {@code anomaly}
 * @param state               where it is in its life
 * @param source              {@code trained} or {@code imported}
 * @param networkKey          object key of the trained network ({@code trained-network.json}), or {@code null}
 * @param learningBlock       the learning block it was trained from, or {@code null} (imported)
 * @param hyperparameters     how it was trained, or {@code null}
 * @param trainingFeaturesKey object key of the training features it was trained on, or {@code null}
 * @param testingFeaturesKey  object key of the test features it was tested on, or {@code null}
 * @param featureKind         what its input features are, or {@code null}
 * @param inputShape          the shape of one input window, or {@code null}
 * @param labels              class names in output order
 * @param createdAt           when it was created
 */
public record CompressibleModel(
        UUID id,
        UUID projectId,
        String name,
        String kind,
        State state,
        String source,
        String networkKey,
        LearningBlock learningBlock,
        Hyperparameters hyperparameters,
        String trainingFeaturesKey,
        String testingFeaturesKey,
        FeatureKind featureKind,
        TensorShape inputShape,
        List<String> labels,
        Instant createdAt) {

    public static final String CLASSIFICATION = "classification";
    public static final String TRAINED = "trained";

    /**
     * A model's state as this feature sees it (the models feature's own type is not visible from here: it depends on
     * this package for the port): training until its job ends, then ready, failed or cancelled.
     */
    public enum State {
        TRAINING,
        READY,
        FAILED,
        CANCELLED;

        /** The value the models feature stores and the API shows. */
        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The value, so that templates print the state as the API shows it. */
        @Override
        public String toString() {
            return value();
        }

        /**
         * @throws IllegalArgumentException when {@code value} is none of the values
         */
        public static State fromValue(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public CompressibleModel {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /**
     * Why this model can never be compressed, whatever its state: it is not a classifier, or it has no trained
     * network (imported) or lacks what training recorded. Empty for a trained classifier.
     */
    public Optional<String> incompressibleReason() {
        if (!CLASSIFICATION.equals(kind)) {
            return Optional.of("Only classification models can be compressed; '" + name + "' is a " + kind + " model.");
        }
        if (!TRAINED.equals(source)) {
            return Optional.of("The model '" + name + "' was imported as a .tflite file: it has no trained network "
                    + "to prune or distil from; train a model in EdgeForge to compress it.");
        }
        if (state == State.READY
                && (networkKey == null
                        || learningBlock == null
                        || hyperparameters == null
                        || trainingFeaturesKey == null
                        || featureKind == null
                        || inputShape == null)) {
            return Optional.of("The model '" + name + "' lacks its trained network or the record of how it was "
                    + "trained; train it again to compress it.");
        }
        return Optional.empty();
    }

    public boolean isReady() {
        return state == State.READY;
    }
}
