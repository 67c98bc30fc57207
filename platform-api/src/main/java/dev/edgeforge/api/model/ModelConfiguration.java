package dev.edgeforge.api.model;

import dev.edgeforge.api.web.ProjectNavItem;
import dev.edgeforge.infra.storage.ObjectStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the models feature: what applies its jobs' events to the rows, and the sidebar entries. */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

    static final String TRAINING_NAV = "training";
    static final String MODELS_NAV = "models";

    @Bean
    ModelJobOutcomes modelJobOutcomes(ModelRepository models, ObjectStore store, Clock clock) {
        return new ModelJobOutcomes(models, store, clock);
    }

    @Bean
    ProjectNavItem trainingNavItem() {
        return new ProjectNavItem(TRAINING_NAV, "Training", 40, "/training");
    }

    @Bean
    ProjectNavItem modelsNavItem() {
        return new ProjectNavItem(MODELS_NAV, "Models", 50, "/models");
    }
}
