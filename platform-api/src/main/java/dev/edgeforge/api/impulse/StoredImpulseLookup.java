package dev.edgeforge.api.impulse;

import dev.edgeforge.api.model.ImpulseLookup;
import dev.edgeforge.core.impulse.Impulse;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The models feature's view of saved impulse versions. */
@Component
class StoredImpulseLookup implements ImpulseLookup {

    private final ImpulseService impulses;

    StoredImpulseLookup(ImpulseService impulses) {
        this.impulses = impulses;
    }

    @Override
    public Optional<Impulse> find(UUID projectId, int version) {
        try {
            return Optional.of(impulses.version(projectId, version).impulse());
        } catch (ImpulseVersionNotFoundException e) {
            return Optional.empty();
        }
    }
}
