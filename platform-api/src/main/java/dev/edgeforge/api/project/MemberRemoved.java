package dev.edgeforge.api.project;

import dev.edgeforge.api.security.EdgeForgePrincipal;
import dev.edgeforge.api.security.UserPrincipal;
import java.util.Map;
import java.util.UUID;

/** A member left a project or was removed from it. */
public record MemberRemoved(UUID projectId, EdgeForgePrincipal actor, UUID userId, String email, ProjectRole role)
        implements ProjectActivity {

    @Override
    public String action() {
        return "member.removed";
    }

    @Override
    public String target() {
        return "member/" + userId;
    }

    @Override
    public String summary() {
        boolean left = actor instanceof UserPrincipal user && user.id().equals(userId);
        return email + (left ? " left the project" : " was removed") + " (was " + role.value() + ")";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("email", email, "role", role.value());
    }
}
