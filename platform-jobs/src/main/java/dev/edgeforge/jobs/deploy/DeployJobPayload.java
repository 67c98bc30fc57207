package dev.edgeforge.jobs.deploy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.edgeforge.jobs.feature.FeatureJobSample;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The input of a deployment job, written by the server when a deployment is requested. It names everything by
 * value or object key, so the worker needs no database table besides the queue.
 *
 * @param deploymentId   the deployment row this job fills; also names the output objects
 *                       ({@link DeploymentObjects})
 * @param modelId        the model deployed (for logs)
 * @param modelName      a name for people: file headers, the serial banner, the bundle's file name
 * @param labels         class labels in output order (empty: the model's own, or none)
 * @param variant        {@code int8} (the only variant compiled C runs)
 * @param target         board id from the {@code BoardCatalogue}
 * @param format         {@code firmware} or {@code c-library} ({@link DeploymentFormat#AVAILABLE})
 * @param modelKey       object key of the int8 .tflite
 * @param impulse        the impulse as {@code ImpulseJson} writes it, or {@code null} for a model fed features
 *                       directly
 * @param impulseVersion the impulse's version, or {@code null}
 * @param testWindowsKey object key of the test windows (a {@code FeatureSet} file of the test split, or the
 *                       firmware builder's JSON windows), or {@code null} for seeded random windows
 * @param testSamples    the project's test samples (with their object keys), so that the firmware builder can cut
 *                       the test set's rows again as raw windows and prove the device's own DSP block on them; empty
 *                       (and in jobs queued before) for the feature windows alone
 * @param anomalyModelKey object key of the anomaly model's JSON ({@code AnomalyModel}) when the deployed model is an
 *                       anomaly model (then {@code modelKey} is {@code null}); {@code null} for a network
 * @param anomalyThreshold the threshold saved with the anomaly model, which the firmware decides with
 */
public record DeployJobPayload(
        UUID deploymentId,
        UUID modelId,
        String modelName,
        List<String> labels,
        String variant,
        String target,
        String format,
        String modelKey,
        JsonNode impulse,
        Integer impulseVersion,
        String testWindowsKey,
        List<FeatureJobSample> testSamples,
        String anomalyModelKey,
        Double anomalyThreshold) {

    /** The job type. */
    public static final String TYPE = "deploy";

    public static final String INT8 = "int8";
    public static final String FLOAT32 = "float32";

    public DeployJobPayload {
        labels = labels == null ? List.of() : List.copyOf(labels);
        testSamples = testSamples == null ? List.of() : List.copyOf(testSamples);
    }

    /** A network's deployment (no anomaly model). */
    public DeployJobPayload(
            UUID deploymentId,
            UUID modelId,
            String modelName,
            List<String> labels,
            String variant,
            String target,
            String format,
            String modelKey,
            JsonNode impulse,
            Integer impulseVersion,
            String testWindowsKey,
            List<FeatureJobSample> testSamples) {
        this(
                deploymentId,
                modelId,
                modelName,
                labels,
                variant,
                target,
                format,
                modelKey,
                impulse,
                impulseVersion,
                testWindowsKey,
                testSamples,
                null,
                null);
    }

    /** Whether the deployed model is an anomaly model (scored on the device, no network). */
    @JsonIgnore
    public boolean anomaly() {
        return anomalyModelKey != null;
    }
}
