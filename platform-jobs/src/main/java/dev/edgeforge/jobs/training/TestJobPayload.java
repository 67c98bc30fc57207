package dev.edgeforge.jobs.training;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The input of a {@code test} job: evaluate a finished model on the project's current test features.
 *
 * @param modelId            the model
 * @param kind               what the model predicts
 * @param labels             class names (classification) or target names (regression) in output order; the
 *                           training labels of a K-means model (test windows with other labels are anomalies)
 * @param testingFeatures    object key of the test {@code FeatureSet} file
 * @param artifacts          the model's files ({@code float32}/{@code int8} for networks, {@code kmeans} for K-means)
 * @param uncertainThreshold see {@link TrainJobPayload#uncertainThreshold()}
 * @param anomalyThreshold   a K-means model's threshold; {@code null} for networks
 */
public record TestJobPayload(
        UUID modelId,
        ModelKind kind,
        List<String> labels,
        String testingFeatures,
        ModelArtifacts artifacts,
        Double uncertainThreshold,
        Double anomalyThreshold) {

    /** The job type. */
    public static final String TYPE = "test";

    public TestJobPayload {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    public double threshold() {
        return uncertainThreshold == null ? TrainJobPayload.DEFAULT_UNCERTAIN_THRESHOLD : uncertainThreshold;
    }

    /** What is missing; empty when the payload can be run. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (modelId == null) {
            problems.add("modelId is missing");
        }
        if (kind == null) {
            problems.add("kind is missing");
        }
        if (testingFeatures == null || testingFeatures.isBlank()) {
            problems.add("testingFeatures (the object key of the test features) is missing");
        }
        if (artifacts == null) {
            problems.add("artifacts are missing");
        } else if (kind == ModelKind.ANOMALY
                ? artifacts.kmeans() == null
                : artifacts.float32() == null && artifacts.int8() == null) {
            problems.add("the model has no file to run");
        }
        if (kind == ModelKind.ANOMALY && anomalyThreshold == null) {
            problems.add("anomalyThreshold is missing");
        }
        if (uncertainThreshold != null && !(uncertainThreshold >= 0 && uncertainThreshold <= 1)) {
            problems.add("uncertainThreshold must be between 0 and 1, got " + uncertainThreshold);
        }
        return problems;
    }
}
