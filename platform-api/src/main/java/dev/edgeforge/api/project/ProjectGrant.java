package dev.edgeforge.api.project;

import dev.edgeforge.api.security.ApiKeyPrincipal;
import dev.edgeforge.api.security.EdgeForgePrincipal;
import dev.edgeforge.api.security.UserPrincipal;
import java.util.Optional;
import java.util.UUID;

/**
 * Proof that the caller passed a {@link ProjectAccess} check on a project.
 *
 * @param projectId the project checked
 * @param role      the caller's effective role; null only for an API key that has the ingest scope alone
 * @param principal who the caller is
 */
public record ProjectGrant(UUID projectId, ProjectRole role, EdgeForgePrincipal principal) {

    /** Whether the effective role includes {@code minimum}. */
    public boolean atLeast(ProjectRole minimum) {
        return role != null && role.includes(minimum);
    }

    /** The signed-in user, or empty for an API key. */
    public Optional<UserPrincipal> user() {
        return principal instanceof UserPrincipal user ? Optional.of(user) : Optional.empty();
    }

    /** The user's id, for "created by" columns; empty for an API key. */
    public Optional<UUID> userId() {
        return user().map(UserPrincipal::id);
    }

    /** The API key, or empty for a user. */
    public Optional<ApiKeyPrincipal> apiKey() {
        return principal instanceof ApiKeyPrincipal key ? Optional.of(key) : Optional.empty();
    }
}
