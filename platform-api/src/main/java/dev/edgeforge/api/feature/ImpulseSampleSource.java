package dev.edgeforge.api.feature;

import dev.edgeforge.jobs.feature.FeatureJobSample;
import java.util.List;
import java.util.UUID;

/**
 * Read-only view of a project's dataset for feature generation: the samples that are enabled, with what the feature
 * job needs to load them. Implemented against the datasets feature's {@code samples} table
 * ({@link JdbcImpulseSampleSource}).
 */
public interface ImpulseSampleSource {

    /** The project's enabled samples, in a stable order. */
    List<FeatureJobSample> enabledSamples(UUID projectId);
}
