package dev.edgeforge.api.model;

import dev.edgeforge.core.feature.FeatureSource;
import java.util.Optional;
import java.util.UUID;

/**
 * Port to the dataset: a stored sample's data, for live classification of a chosen sample (the ids are those of
 * the feature rows, so every sample on the model testing page can be classified).
 */
public interface SampleLookup {

    /** The sample, or empty when the project has no sample with this id. */
    Optional<StoredSample> find(UUID projectId, String sampleId);

    /**
     * A sample ready for the feature extractor.
     *
     * @param sampleId the id
     * @param name     shown to the user
     * @param label    its label, or {@code null}
     * @param source   its data (images with their pixels)
     */
    record StoredSample(String sampleId, String name, String label, FeatureSource source) {}
}
