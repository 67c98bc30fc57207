package dev.edgeforge.api.deploy;

import dev.edgeforge.api.storage.OwnedObjects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The objects of a deployment the orphan sweeper may remove once the deployment's row is gone. */
@Configuration(proxyBeanMethods = false)
class DeploymentObjects {

    /** {@code projects/{p}/deployments/{deploymentId}/…}: bundle and report. */
    @Bean
    OwnedObjects deploymentObjectKind() {
        return new OwnedObjects(
                "deployments",
                "deployments",
                "SELECT id::text FROM deployments WHERE project_id = :projectId AND id::text IN (:owners)");
    }
}
