package dev.edgeforge.api.model;

import dev.edgeforge.core.impulse.Impulse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The ports the models feature needs from other features (feature generation, impulses, samples), implemented for
 * tests by a registry the tests fill with feature files they write to the real object store. Picked
 * up by component scanning in every test context of platform-app; {@code @Primary}, and falling back to the real
 * implementations for projects a test did not register, so end-to-end tests run on the real features.
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
    FeatureSetLocator testFeatureSetLocator(Registry registry, ObjectProvider<FeatureSetLocator> all) {
        return new FeatureSetLocator() {
            @Override
            public Optional<LocatedFeatures> locate(UUID projectId) {
                LocatedFeatures registered = registry.features.get(projectId);
                return registered != null
                        ? Optional.of(registered)
                        : real(all, this).flatMap(locator -> locator.locate(projectId));
            }

            @Override
            public String whyMissing(UUID projectId) {
                return real(all, this)
                        .map(locator -> locator.whyMissing(projectId))
                        .orElse("No features were registered for this project.");
            }
        };
    }

    @Bean
    @Primary
    ImpulseLookup testImpulseLookup(Registry registry, ObjectProvider<ImpulseLookup> all) {
        return new ImpulseLookup() {
            @Override
            public Optional<Impulse> find(UUID projectId, int version) {
                Map<Integer, Impulse> registered = registry.impulses.get(projectId);
                return registered != null
                        ? Optional.ofNullable(registered.get(version))
                        : real(all, this).flatMap(lookup -> lookup.find(projectId, version));
            }
        };
    }

    @Bean
    @Primary
    SampleLookup testSampleLookup(Registry registry, ObjectProvider<SampleLookup> all) {
        return new SampleLookup() {
            @Override
            public Optional<StoredSample> find(UUID projectId, String sampleId) {
                Map<String, StoredSample> registered = registry.samples.get(projectId);
                return registered != null
                        ? Optional.ofNullable(registered.get(sampleId))
                        : real(all, this).flatMap(lookup -> lookup.find(projectId, sampleId));
            }
        };
    }

    /** The application's own implementation: projects the tests did not register use the real features. */
    private static <T> Optional<T> real(ObjectProvider<T> all, T self) {
        return all.stream().filter(candidate -> candidate != self).findFirst();
    }
}
