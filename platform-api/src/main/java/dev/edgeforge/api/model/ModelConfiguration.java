package dev.edgeforge.api.model;

import dev.edgeforge.api.web.ProjectNavItem;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.storage.ObjectStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the models feature: the reconciler and its schedule, and the sidebar entries. */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

    static final String TRAINING_NAV = "training";
    static final String MODELS_NAV = "models";

    @Bean
    ModelJobReconciler modelJobReconciler(ModelRepository models, JobQueue queue, ObjectStore store, Clock clock) {
        return new ModelJobReconciler(models, queue, store, clock);
    }

    @Bean
    ModelReconcileSchedule modelReconcileSchedule(ModelJobReconciler reconciler) {
        return new ModelReconcileSchedule(reconciler);
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
