package dev.edgeforge.api.project;

import dev.edgeforge.api.security.EdgeForgePrincipal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Someone became a member of a project.
 *
 * @param inviteId the invite they accepted; null when an admin added them directly
 */
public record MemberAdded(
        UUID projectId, EdgeForgePrincipal actor, UUID userId, String email, ProjectRole role, UUID inviteId)
        implements ProjectActivity {

    @Override
    public String action() {
        return "member.added";
    }

    @Override
    public String target() {
        return "member/" + userId;
    }

    @Override
    public String summary() {
        return inviteId == null
                ? email + " added as " + role.value()
                : email + " joined as " + role.value() + " through an invite";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("email", email);
        details.put("role", role.value());
        if (inviteId != null) {
            details.put("inviteId", inviteId.toString());
        }
        return details;
    }
}
