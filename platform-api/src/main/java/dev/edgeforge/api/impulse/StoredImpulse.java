package dev.edgeforge.api.impulse;

import dev.edgeforge.core.impulse.Impulse;
import java.time.Instant;
import java.util.UUID;

/**
 * One saved version of a project's impulse.
 *
 * @param projectId the project
 * @param impulse   the impulse; its {@code version} is this version's number
 * @param createdAt when the version was saved
 * @param createdBy who saved it; null for an API key or a deleted user
 */
public record StoredImpulse(UUID projectId, Impulse impulse, Instant createdAt, UUID createdBy) {

    public int version() {
        return impulse.version();
    }
}
