package dev.edgeforge.api.project;

import dev.edgeforge.api.security.EdgeForgePrincipal;
import java.util.Map;
import java.util.UUID;

/** An HMAC key was deleted: data signed with it no longer verifies. */
public record HmacKeyRevoked(UUID projectId, EdgeForgePrincipal actor, UUID keyId, String name)
        implements ProjectActivity {

    @Override
    public String action() {
        return "hmac-key.revoked";
    }

    @Override
    public String target() {
        return "hmac-key/" + keyId;
    }

    @Override
    public String summary() {
        return "HMAC key \u201c" + name + "\u201d deleted";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("name", name);
    }
}
