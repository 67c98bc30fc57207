package dev.edgeforge.api.impulse;

import dev.edgeforge.api.storage.OwnedObjects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The features of an impulse version, which the orphan sweeper may remove once the version's row is gone (versions
 * live as long as their project). They are stored by the feature jobs, but named after the impulse version, whose
 * table this feature owns.
 */
@Configuration(proxyBeanMethods = false)
class FeatureObjects {

    /** {@code projects/{p}/features/{impulseVersion}/…}: chunks, manifests, feature sets, explorer projections. */
    @Bean
    OwnedObjects featureObjectKind() {
        return new OwnedObjects(
                "features",
                "features",
                "SELECT version::text FROM impulse_version WHERE project_id = :projectId "
                        + "AND version::text IN (:owners)");
    }
}
