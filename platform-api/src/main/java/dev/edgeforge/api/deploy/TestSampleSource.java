package dev.edgeforge.api.deploy;

import dev.edgeforge.jobs.feature.FeatureJobSample;
import java.util.List;
import java.util.UUID;

/**
 * Read-only view of a project's test samples for a deployment: the firmware builder cuts the test set's rows again
 * from them as raw windows, so the verification runs the device's own DSP block. Implemented by the datasets feature
 * ({@code sample.JdbcImpulseSampleSource}).
 */
public interface TestSampleSource {

    /** The project's enabled samples of the {@code testing} category, with their object keys. */
    List<FeatureJobSample> enabledTestSamples(UUID projectId);
}
