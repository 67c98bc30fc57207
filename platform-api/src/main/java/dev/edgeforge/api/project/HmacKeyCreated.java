package dev.edgeforge.api.project;

import dev.edgeforge.api.security.EdgeForgePrincipal;
import java.util.Map;
import java.util.UUID;

/**
 * An HMAC key for signed device data was created (its secret is never part of the event).
 *
 * @param secretGiven whether the secret was brought (e.g. from Edge Impulse) rather than generated
 */
public record HmacKeyCreated(UUID projectId, EdgeForgePrincipal actor, UUID keyId, String name, boolean secretGiven)
        implements ProjectActivity {

    @Override
    public String action() {
        return "hmac-key.created";
    }

    @Override
    public String target() {
        return "hmac-key/" + keyId;
    }

    @Override
    public String summary() {
        return "HMAC key \u201c" + name + "\u201d " + (secretGiven ? "added with a given secret" : "created");
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("name", name, "secret", secretGiven ? "given" : "generated");
    }
}
