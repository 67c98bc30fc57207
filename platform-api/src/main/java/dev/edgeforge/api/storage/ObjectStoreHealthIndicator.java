package dev.edgeforge.api.storage;

import dev.edgeforge.infra.storage.ObjectStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the object store answers: readiness ({@code /readyz}) is DOWN while it does not, so a load balancer sends
 * traffic elsewhere and an operator sees why; liveness stays UP (restarting the server would not bring the store
 * back). Listed in the readiness group as {@code objectStorage}.
 */
@Component("objectStorageHealthIndicator")
class ObjectStoreHealthIndicator implements HealthIndicator {

    /** A key no object has: asking for it reaches the store and costs nothing. */
    static final String PROBE_KEY = "health/readiness-probe";

    private final ObjectStore store;

    ObjectStoreHealthIndicator(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        try {
            store.exists(PROBE_KEY);
            return Health.up().build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
