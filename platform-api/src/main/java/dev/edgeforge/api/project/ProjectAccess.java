package dev.edgeforge.api.project;

import dev.edgeforge.api.security.ApiKeyPrincipal;
import dev.edgeforge.api.security.ApiKeyScope;
import dev.edgeforge.api.security.CurrentPrincipal;
import dev.edgeforge.api.security.EdgeForgePrincipal;
import dev.edgeforge.api.security.UserPrincipal;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one access check for everything under {@code /api/v1/projects/{projectId}/**} and the project pages. Call
 * it first in every handler; it throws the right problem and returns a {@link ProjectGrant} on success.
 *
 * <ul>
 *   <li>anonymous: {@code AuthenticationRequiredException} (401);</li>
 *   <li>not a member, unknown project, another project's API key: {@link ProjectNotFoundException} (404, no
 *       hint that the project exists);</li>
 *   <li>member whose role is too low: {@link ProjectRoleViolation} (403);</li>
 *   <li>API key without the needed scope: {@link ApiKeyScopeViolation} (403).</li>
 * </ul>
 * The role matrix is in this package's {@code package-info}.
 */
@Component
public class ProjectAccess {

    private final CurrentPrincipal current;
    private final ProjectMemberRepository members;

    ProjectAccess(CurrentPrincipal current, ProjectMemberRepository members) {
        this.current = current;
        this.members = members;
    }

    /**
     * Requires the caller to hold at least {@code minimum} in the project. API keys count as
     * {@link ProjectRole#ADMIN} with the admin scope and {@link ProjectRole#VIEWER} with the read scope; they never
     * count as owner.
     */
    @Transactional(readOnly = true)
    public ProjectGrant requireRole(UUID projectId, ProjectRole minimum) {
        EdgeForgePrincipal principal = current.require();
        if (principal instanceof ApiKeyPrincipal key) {
            requireOwnProject(key, projectId);
            ProjectRole role = roleOfKey(key);
            if (role == null || !role.includes(minimum)) {
                throw ApiKeyScopeViolation.roleNeeded(key, minimum);
            }
            return new ProjectGrant(projectId, role, key);
        }
        UserPrincipal user = (UserPrincipal) principal;
        ProjectRole role =
                members.findRole(projectId, user.id()).orElseThrow(() -> new ProjectNotFoundException(projectId));
        if (!role.includes(minimum)) {
            throw new ProjectRoleViolation(role, minimum);
        }
        return new ProjectGrant(projectId, role, user);
    }

    /**
     * Requires the caller to be allowed {@code scope} in the project: an API key must carry the scope (admin implies
     * all); a user needs the matching role (ingest: member, read: viewer, admin: admin). Data ingestion endpoints
     * use {@code requireScope(projectId, ApiKeyScope.INGEST)}.
     */
    @Transactional(readOnly = true)
    public ProjectGrant requireScope(UUID projectId, ApiKeyScope scope) {
        EdgeForgePrincipal principal = current.require();
        if (principal instanceof ApiKeyPrincipal key) {
            requireOwnProject(key, projectId);
            if (!key.has(scope)) {
                throw ApiKeyScopeViolation.missing(key, scope);
            }
            return new ProjectGrant(projectId, roleOfKey(key), key);
        }
        return requireRole(projectId, roleFor(scope));
    }

    /**
     * For endpoints that take the project from the API key itself (the Edge Impulse-compatible ingestion paths):
     * requires an API key with {@code scope} and returns the grant on its project.
     *
     * @throws ApiKeyRequiredException when the caller is not an API key (401)
     */
    public ProjectGrant requireApiKey(ApiKeyScope scope) {
        EdgeForgePrincipal principal = current.require();
        if (!(principal instanceof ApiKeyPrincipal key)) {
            throw new ApiKeyRequiredException();
        }
        if (!key.has(scope)) {
            throw ApiKeyScopeViolation.missing(key, scope);
        }
        return new ProjectGrant(key.projectId(), roleOfKey(key), key);
    }

    /** The user role equivalent to an API key scope. */
    static ProjectRole roleFor(ApiKeyScope scope) {
        return switch (scope) {
            case INGEST -> ProjectRole.MEMBER;
            case READ -> ProjectRole.VIEWER;
            case ADMIN -> ProjectRole.ADMIN;
        };
    }

    /** The role an API key acts with: admin scope = admin, read = viewer, ingest alone = none (null). */
    static ProjectRole roleOfKey(ApiKeyPrincipal key) {
        if (key.has(ApiKeyScope.ADMIN)) {
            return ProjectRole.ADMIN;
        }
        return key.has(ApiKeyScope.READ) ? ProjectRole.VIEWER : null;
    }

    private static void requireOwnProject(ApiKeyPrincipal key, UUID projectId) {
        if (!key.projectId().equals(projectId)) {
            throw new ProjectNotFoundException(projectId);
        }
    }
}
