package dev.edgeforge.api.model;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import dev.edgeforge.core.impulse.Impulse;

/**
 * The ports the models feature needs from features not in this branch (feature generation, impulses, samples),
 * implemented for tests by a registry the tests fill with feature files they write to the real object store. Picked
 * up by component scanning in every test context of platform-api; {@code @Primary} so that the real implementations,
 * once wired, do not clash with it in tests.
 */
@Configuration(proxyBeanMethods = false)
class TestModelPorts {

    /** What tests registered per project. */
    static final class Registry {
        final Map<UUID, LocatedFeatures> features = new ConcurrentHashMap<>();
        final Map<UUID, Map<Integer, Impulse>> impulses = new ConcurrentHashMap<>();
        final Map<UUID, Map<String, SampleLookup.StoredSample>> samples = new ConcurrentHashMap<>();
    }

    @Bean
    Registry testModelRegistry() {
        return new Registry();
    }

    @Bean
    @Primary
    FeatureSetLocator testFeatureSetLocator(Registry registry) {
        return projectId -> Optional.ofNullable(registry.features.get(projectId));
    }

    @Bean
    @Primary
    ImpulseLookup testImpulseLookup(Registry registry) {
        return (projectId, version) -> Optional.ofNullable(registry.impulses.getOrDefault(projectId, Map.of())
                .get(version));
    }

    @Bean
    @Primary
    SampleLookup testSampleLookup(Registry registry) {
        return (projectId, sampleId) -> Optional.ofNullable(registry.samples.getOrDefault(projectId, Map.of())
                .get(sampleId));
    }
}
