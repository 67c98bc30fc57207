package dev.edgeforge.api.project;

import dev.edgeforge.api.security.EdgeForgePrincipal;
import java.util.Map;
import java.util.UUID;

/**
 * An invite was accepted by the person it was for (the actor).
 *
 * @param accountCreated whether accepting it created their account
 */
public record InviteAccepted(
        UUID projectId, EdgeForgePrincipal actor, UUID inviteId, String email, ProjectRole role, boolean accountCreated)
        implements ProjectActivity {

    @Override
    public String action() {
        return "invite.accepted";
    }

    @Override
    public String target() {
        return "invite/" + inviteId;
    }

    @Override
    public String summary() {
        return email + " accepted the invite as " + role.value() + (accountCreated ? " with a new account" : "");
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("email", email, "role", role.value(), "accountCreated", accountCreated);
    }
}
