package dev.edgeforge.api.model;

import dev.edgeforge.api.storage.OwnedObjects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The objects of a model the orphan sweeper may remove once the model's row is gone. */
@Configuration(proxyBeanMethods = false)
class ModelObjects {

    /** {@code projects/{p}/models/{modelId}/…}: training runs, checkpoints, tests, imports and variants. */
    @Bean
    OwnedObjects modelObjectKind() {
        return new OwnedObjects(
                "models",
                "models",
                "SELECT id::text FROM model WHERE project_id = :projectId AND id::text IN (:owners)");
    }
}
