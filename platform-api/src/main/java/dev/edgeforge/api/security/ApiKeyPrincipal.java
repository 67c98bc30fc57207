package dev.edgeforge.api.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A request authenticated by a project API key ({@code x-api-key}). It reaches only {@link #projectId()} and only
 * within its scopes.
 *
 * @param keyId     id of the API key (not the secret)
 * @param projectId the one project this key belongs to
 * @param name      the key's name, for logs and audit
 * @param scopes    granted scopes
 */
public record ApiKeyPrincipal(UUID keyId, UUID projectId, String name, Set<ApiKeyScope> scopes)
        implements EdgeForgePrincipal {

    public ApiKeyPrincipal {
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    /** Whether the key may act with {@code scope}; the admin scope implies every other. */
    public boolean has(ApiKeyScope scope) {
        return scopes.contains(ApiKeyScope.ADMIN) || scopes.contains(scope);
    }

    @Override
    public String describe() {
        return "API key " + keyId + " of project " + projectId;
    }
}
