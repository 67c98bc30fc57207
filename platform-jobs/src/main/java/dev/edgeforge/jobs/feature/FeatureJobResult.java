package dev.edgeforge.jobs.feature;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a successful {@code features} job reports as its result JSON.
 *
 * @param impulseVersion    the impulse version
 * @param manifestKey       object key of the {@link FeatureManifest}
 * @param samples           samples in the feature set
 * @param windows           windows in the feature set
 * @param featureLength     features per window
 * @param labels            windows per label
 * @param computed          samples whose features were computed by this job
 * @param reused            samples whose features existed already (same cache key)
 * @param copiedFromVersion of the reused ones, how many were copied from an earlier impulse version's chunks
 * @param trainingSetKey    object key of the training {@code FeatureSet} file, or {@code null} without training data
 * @param testingSetKey     object key of the testing {@code FeatureSet} file, or {@code null} without test data
 */
public record FeatureJobResult(
        int impulseVersion,
        String manifestKey,
        int samples,
        long windows,
        int featureLength,
        List<FeatureManifest.LabelCount> labels,
        int computed,
        int reused,
        int copiedFromVersion,
        String trainingSetKey,
        String testingSetKey) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    public static FeatureJobResult parse(String json) {
        return JSON.readValue(json, FeatureJobResult.class);
    }
}
