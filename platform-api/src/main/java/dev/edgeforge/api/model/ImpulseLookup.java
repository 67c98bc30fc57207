package dev.edgeforge.api.model;

import dev.edgeforge.core.impulse.Impulse;
import java.util.Optional;
import java.util.UUID;

/**
 * Port to the impulse feature: a saved impulse version of a project. Live classification computes a sample's
 * features with the impulse version the model was trained on; training takes the default learning block from the
 * impulse's learning block settings.
 */
public interface ImpulseLookup {

    /** The impulse of {@code projectId} at {@code version}, or empty when there is no such version. */
    Optional<Impulse> find(UUID projectId, int version);
}
