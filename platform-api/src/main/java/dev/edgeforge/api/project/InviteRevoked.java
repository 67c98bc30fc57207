package dev.edgeforge.api.project;

import dev.edgeforge.api.security.EdgeForgePrincipal;
import java.util.Map;
import java.util.UUID;

/** An invite was revoked before anyone accepted it. */
public record InviteRevoked(UUID projectId, EdgeForgePrincipal actor, UUID inviteId, String email, ProjectRole role)
        implements ProjectActivity {

    @Override
    public String action() {
        return "invite.revoked";
    }

    @Override
    public String target() {
        return "invite/" + inviteId;
    }

    @Override
    public String summary() {
        return "Invite for " + email + " as " + role.value() + " revoked";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("email", email, "role", role.value());
    }
}
