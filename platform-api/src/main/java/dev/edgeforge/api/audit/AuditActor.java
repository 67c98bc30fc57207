package dev.edgeforge.api.audit;

import dev.edgeforge.api.project.ProjectActivity;
import dev.edgeforge.api.security.ApiKeyPrincipal;
import dev.edgeforge.api.security.EdgeForgePrincipal;
import dev.edgeforge.api.security.UserPrincipal;
import java.util.UUID;

/**
 * Who did something, as the log keeps it.
 *
 * @param kind {@code user} or {@code api-key}
 * @param id   the user's or the key's id
 * @param name the user's email or the key's description at the time
 */
public record AuditActor(String kind, UUID id, String name) {

    static AuditActor of(EdgeForgePrincipal principal) {
        if (principal instanceof UserPrincipal user) {
            return new AuditActor("user", user.id(), user.email());
        }
        ApiKeyPrincipal key = (ApiKeyPrincipal) principal;
        return new AuditActor("api-key", key.keyId(), ProjectActivity.nameOf(key));
    }
}
