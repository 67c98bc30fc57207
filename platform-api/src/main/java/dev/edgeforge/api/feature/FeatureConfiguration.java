package dev.edgeforge.api.feature;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.training.feature.FeatureJobHandler;

/** The feature generation job handler as a bean, so the embedded workers run it. */
@Configuration(proxyBeanMethods = false)
class FeatureConfiguration {

    /**
     * Threads of one feature job: {@code edgeforge.features.threads}, by default every processor (the handler's
     * executor is per job, so two jobs at once share the cores).
     */
    @Bean
    FeatureJobHandler featureJobHandler(ObjectStore store, Clock clock,
                                        @Value("${edgeforge.features.threads:0}") int threads) {
        return new FeatureJobHandler(store, threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), clock);
    }
}
