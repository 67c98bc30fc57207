package dev.edgeforge.jobs.compress;

import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.jobs.training.TrainJobPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The input of a {@code compress} job, written by the server from the model row: everything the worker needs, so it
 * reads nothing but the queue and the object store.
 *
 * @param modelId          the model to compress (a trained classification model)
 * @param networkKey       object key of the model's trained network ({@code trained-network.json})
 * @param learningBlock    the learning block the model was trained from (its hidden layers)
 * @param hyperparameters  how the model was trained; the seed holds out the same validation windows when fine-tuning,
 *                         the epochs are the distillation student's default
 * @param trainingFeatures object key of the training {@code FeatureSet} file: fine-tuning, distillation and int8
 *                         calibration use it
 * @param testingFeatures  object key of the test {@code FeatureSet} file, or {@code null}: the report's accuracies
 * @param featureKind      what the features are
 * @param featureShape     the shape of one window's features, channels last
 * @param options          the stages to run
 */
public record CompressJobPayload(
        UUID modelId,
        String networkKey,
        LearningBlock learningBlock,
        Hyperparameters hyperparameters,
        String trainingFeatures,
        String testingFeatures,
        FeatureKind featureKind,
        TensorShape featureShape,
        CompressionOptions options) {

    /** The job type. */
    public static final String TYPE = "compress";

    /** What is missing or out of range; empty when the payload can be run. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (modelId == null) {
            problems.add("modelId is missing");
        }
        if (networkKey == null || networkKey.isBlank()) {
            problems.add("networkKey (the object key of the trained network) is missing");
        }
        if (learningBlock == null) {
            problems.add("learningBlock is missing");
        } else if (learningBlock.kind() != LearningBlock.Kind.CLASSIFICATION) {
            problems.add("only classification models can be compressed, this one is "
                    + learningBlock.kind().name().toLowerCase(Locale.ROOT));
        }
        if (hyperparameters == null) {
            problems.add("hyperparameters are missing");
        }
        problems.addAll(TrainJobPayload.trainingFeatureProblems(trainingFeatures, featureKind, featureShape));
        if (options == null) {
            problems.add("options are missing");
        } else {
            problems.addAll(options.problems());
        }
        return problems;
    }
}
