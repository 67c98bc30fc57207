package dev.edgeforge.api.storage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every kind of object the orphan sweeper knows besides samples (which are content-addressed and have their own
 * protocol, see {@code SampleStorage}). One bean per folder under {@code projects/{projectId}/}; a feature that
 * stores objects of a new kind registers its folder here (or declares an {@link OwnedObjects} bean of its own) with
 * the query that tells which owners still have a row.
 *
 * <p>Dataset exports are streamed to the client and stored nowhere, so there is no export kind.
 */
@Configuration(proxyBeanMethods = false)
class OwnedObjectKinds {

    /** {@code projects/{p}/models/{modelId}/…}: training runs, tests, imports and variants of a model. */
    @Bean
    OwnedObjects modelObjects() {
        return new OwnedObjects(
                "models",
                "models",
                "SELECT id::text FROM model WHERE project_id = :projectId AND id::text IN (:owners)");
    }

    /** {@code projects/{p}/deployments/{deploymentId}/…}: bundle and report. */
    @Bean
    OwnedObjects deploymentObjects() {
        return new OwnedObjects(
                "deployments",
                "deployments",
                "SELECT id::text FROM deployments WHERE project_id = :projectId AND id::text IN (:owners)");
    }

    /**
     * {@code projects/{p}/features/{impulseVersion}/…}: chunks, manifests, feature sets, explorer projections of an
     * impulse version (versions live as long as their project).
     */
    @Bean
    OwnedObjects featureObjects() {
        return new OwnedObjects(
                "features",
                "features",
                "SELECT version::text FROM impulse_version WHERE project_id = :projectId "
                        + "AND version::text IN (:owners)");
    }

    // Tune runs (#13, the tuner): register the tuner's folder here once its objects and table exist, e.g.
    // new OwnedObjects("tune runs", "tunes", "SELECT id::text FROM tune_run WHERE project_id = :projectId AND ...").
}
