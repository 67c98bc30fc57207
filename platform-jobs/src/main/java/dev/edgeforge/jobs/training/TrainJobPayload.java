package dev.edgeforge.jobs.training;

import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TensorShape;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The input of a {@code train} job, written by the server when it creates the model row. It carries everything the
 * worker needs, so the worker reads nothing but the queue and the object store.
 *
 * @param modelId              the model row the job fills
 * @param impulseVersion       the impulse version the features were made with (lineage)
 * @param learningBlock        what to train
 * @param hyperparameters      how to train it (seed included); for K-means only the seed is used
 * @param trainingFeatures     object key of the training {@code FeatureSet} file
 * @param testingFeatures      object key of the test {@code FeatureSet} file, or {@code null} when there is no test set
 * @param featureKind          what the features are (flat, time series, spectrogram, image)
 * @param featureShape         the shape of one window's features, channels last
 * @param uncertainThreshold   a classification whose best probability is below it counts as uncertain; {@code null}
 *                             for {@link #DEFAULT_UNCERTAIN_THRESHOLD}
 */
public record TrainJobPayload(
        UUID modelId,
        int impulseVersion,
        LearningBlock learningBlock,
        Hyperparameters hyperparameters,
        String trainingFeatures,
        String testingFeatures,
        FeatureKind featureKind,
        TensorShape featureShape,
        Double uncertainThreshold) {

    /** The job type. */
    public static final String TYPE = "train";
    /** Edge Impulse's default minimum confidence. */
    public static final double DEFAULT_UNCERTAIN_THRESHOLD = 0.6;

    /** The threshold to use. */
    public double threshold() {
        return uncertainThreshold == null ? DEFAULT_UNCERTAIN_THRESHOLD : uncertainThreshold;
    }

    /** What is missing or out of range; empty when the payload can be run. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (modelId == null) {
            problems.add("modelId is missing");
        }
        if (learningBlock == null) {
            problems.add("learningBlock is missing");
        }
        if (learningBlock != null && learningBlock.kind().isNeural() && hyperparameters == null) {
            problems.add("hyperparameters are missing");
        }
        problems.addAll(trainingFeatureProblems(trainingFeatures, featureKind, featureShape));
        if (uncertainThreshold != null && !(uncertainThreshold >= 0 && uncertainThreshold <= 1)) {
            problems.add("uncertainThreshold must be between 0 and 1, got " + uncertainThreshold);
        }
        return problems;
    }

    /**
     * What is missing of the training features a job learns from (training and compression read the same three
     * fields of the model row).
     */
    public static List<String> trainingFeatureProblems(
            String trainingFeatures, FeatureKind featureKind, TensorShape featureShape) {
        List<String> problems = new ArrayList<>();
        if (trainingFeatures == null || trainingFeatures.isBlank()) {
            problems.add("trainingFeatures (the object key of the training features) is missing");
        }
        if (featureKind == null) {
            problems.add("featureKind is missing");
        }
        if (featureShape == null) {
            problems.add("featureShape is missing");
        }
        return problems;
    }
}
