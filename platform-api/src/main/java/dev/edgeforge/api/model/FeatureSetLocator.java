package dev.edgeforge.api.model;

import java.util.Optional;
import java.util.UUID;

/**
 * Port to the feature generation: where the project's current features are. Training reads the files this names;
 * the models feature never computes features itself. Implemented against the feature job's output (a bean of this
 * type); without one, training answers that features must be generated first.
 */
public interface FeatureSetLocator {

    /**
     * The features of the project's current impulse version, or empty when none were generated (or they are out of
     * date with the impulse).
     */
    Optional<LocatedFeatures> locate(UUID projectId);

    /**
     * Why {@link #locate} finds nothing, in one or two sentences that name the API call that fixes it (no impulse
     * saved, no features job run for the latest version, one still running, the last one failed and why).
     */
    String whyMissing(UUID projectId);
}
