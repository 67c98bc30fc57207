package dev.edgeforge.jobs.feature;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a {@code features} job reports as its result JSON. A job that made no training window fails, but still leaves
 * this result, so {@code withoutWindows} says which samples gave none and why.
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
 * @param withoutWindowCount how many samples gave no window
 * @param withoutWindows    the first {@value #LISTED_WITHOUT_WINDOWS} of them, each with the reason
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
        String testingSetKey,
        int withoutWindowCount,
        List<SampleWithoutWindows> withoutWindows) {

    /** At most this many samples without windows are listed (the count says how many there are). */
    public static final int LISTED_WITHOUT_WINDOWS = 100;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public FeatureJobResult {
        withoutWindows = withoutWindows == null ? List.of() : List.copyOf(withoutWindows);
    }

    /**
     * A sample that gave no window.
     *
     * @param sampleId the sample
     * @param fileName its file name (may be blank)
     * @param category training, testing or anomaly
     * @param reason   why, e.g. "lasts 640 ms, shorter than the 1000 ms window, and zero-padding is off"
     */
    public record SampleWithoutWindows(String sampleId, String fileName, String category, String reason) {}

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    public static FeatureJobResult parse(String json) {
        return JSON.readValue(json, FeatureJobResult.class);
    }
}
