package dev.edgeforge.api.project;

import dev.edgeforge.api.security.EdgeForgePrincipal;
import java.util.Map;
import java.util.UUID;

/** A project API key was revoked. */
public record ApiKeyRevoked(UUID projectId, EdgeForgePrincipal actor, UUID keyId, String name)
        implements ProjectActivity {

    @Override
    public String action() {
        return "api-key.revoked";
    }

    @Override
    public String target() {
        return "api-key/" + keyId;
    }

    @Override
    public String summary() {
        return "API key \u201c" + name + "\u201d revoked";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("name", name);
    }
}
