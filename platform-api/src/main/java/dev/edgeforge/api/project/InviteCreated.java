package dev.edgeforge.api.project;

import dev.edgeforge.api.security.EdgeForgePrincipal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An invite link was created (the link itself is never part of the event). */
public record InviteCreated(
        UUID projectId, EdgeForgePrincipal actor, UUID inviteId, String email, ProjectRole role, Instant expiresAt)
        implements ProjectActivity {

    @Override
    public String action() {
        return "invite.created";
    }

    @Override
    public String target() {
        return "invite/" + inviteId;
    }

    @Override
    public String summary() {
        return "Invite for " + email + " as " + role.value() + " created";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("email", email, "role", role.value(), "expiresAt", expiresAt.toString());
    }
}
