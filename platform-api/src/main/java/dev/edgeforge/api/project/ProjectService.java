package dev.edgeforge.api.project;

import dev.edgeforge.api.security.ApiKeyPrincipal;
import dev.edgeforge.api.security.EdgeForgePrincipal;
import dev.edgeforge.api.security.UserPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Project lifecycle. Access is checked by the callers through {@link ProjectAccess}. */
@Service
public class ProjectService {

    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final ProjectApiKeyRepository apiKeys;
    private final HmacKeyRepository hmacKeys;
    private final ProjectObjects objects;
    private final Clock clock;

    ProjectService(
            ProjectRepository projects,
            ProjectMemberRepository members,
            ProjectApiKeyRepository apiKeys,
            HmacKeyRepository hmacKeys,
            ProjectObjects objects,
            Clock clock) {
        this.projects = projects;
        this.members = members;
        this.apiKeys = apiKeys;
        this.hmacKeys = hmacKeys;
        this.objects = objects;
        this.clock = clock;
    }

    /** Creates a project whose only member is its creator, as owner. */
    @Transactional
    public ProjectView create(UserPrincipal creator, String name, String description) {
        Instant now = clock.instant();
        Project project = projects.save(new Project(name.trim(), description == null ? "" : description.trim(), now));
        members.save(new ProjectMember(project.id(), creator.id(), ProjectRole.OWNER, now));
        return project.toView(ProjectRole.OWNER);
    }

    /** The projects the caller can see: a user's memberships, or an API key's own project if it may read. */
    @Transactional(readOnly = true)
    public List<ProjectView> listVisibleTo(EdgeForgePrincipal principal) {
        if (principal instanceof ApiKeyPrincipal key) {
            ProjectRole role = ProjectAccess.roleOfKey(key);
            if (role == null) {
                return List.of();
            }
            return projects.findById(key.projectId())
                    .map(p -> List.of(p.toView(role)))
                    .orElse(List.of());
        }
        UserPrincipal user = (UserPrincipal) principal;
        return projects.findAllOfUser(user.id()).stream()
                .map(m -> m.project().toView(m.role()))
                .toList();
    }

    @Transactional(readOnly = true)
    public ProjectView get(ProjectGrant grant) {
        return load(grant.projectId()).toView(grant.role());
    }

    /** Changes name and/or description; a null argument leaves that field as it is. */
    @Transactional
    public ProjectView update(ProjectGrant grant, String name, String description) {
        Project project = load(grant.projectId());
        Instant now = clock.instant();
        if (name != null) {
            project.rename(name.trim(), now);
        }
        if (description != null) {
            project.describe(description.trim(), now);
        }
        return project.toView(grant.role());
    }

    /**
     * Deletes the project with everything it holds: the rows of every feature (foreign keys cascade) and, once that
     * committed, the objects of its samples, features, models and deployments ({@link ProjectObjects}).
     */
    @Transactional
    public void delete(ProjectGrant grant) {
        projects.delete(load(grant.projectId()));
        objects.deleteAfterCommit(grant.projectId());
    }

    @Transactional(readOnly = true)
    public ProjectCounts counts(ProjectGrant grant) {
        UUID id = grant.projectId();
        return new ProjectCounts(
                members.countByProjectId(id), apiKeys.countByProjectId(id), hmacKeys.countByProjectId(id));
    }

    private Project load(UUID projectId) {
        return projects.findById(projectId).orElseThrow(() -> new ProjectNotFoundException(projectId));
    }
}
