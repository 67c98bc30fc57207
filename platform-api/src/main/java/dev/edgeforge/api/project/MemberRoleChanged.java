package dev.edgeforge.api.project;

import dev.edgeforge.api.security.EdgeForgePrincipal;
import java.util.Map;
import java.util.UUID;

/** A member's role changed. */
public record MemberRoleChanged(
        UUID projectId, EdgeForgePrincipal actor, UUID userId, String email, ProjectRole from, ProjectRole to)
        implements ProjectActivity {

    @Override
    public String action() {
        return "member.role-changed";
    }

    @Override
    public String target() {
        return "member/" + userId;
    }

    @Override
    public String summary() {
        return email + " is now " + to.value() + " (was " + from.value() + ")";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("email", email, "from", from.value(), "to", to.value());
    }
}
