package dev.edgeforge.api.project;

import dev.edgeforge.api.security.ApiKeyPrincipal;
import dev.edgeforge.api.security.EdgeForgePrincipal;
import dev.edgeforge.api.security.UserPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Project lifecycle. Access is checked by the callers through {@link ProjectAccess}. */
@Service
public class ProjectService {

    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final ProjectApiKeyRepository apiKeys;
    private final HmacKeyRepository hmacKeys;
    private final ApplicationEventPublisher events;
    private final ProjectObjects objects;
    private final Clock clock;

    ProjectService(
            ProjectRepository projects,
            ProjectMemberRepository members,
            ProjectApiKeyRepository apiKeys,
            HmacKeyRepository hmacKeys,
            ApplicationEventPublisher events,
            ProjectObjects objects,
            Clock clock) {
        this.projects = projects;
        this.members = members;
        this.apiKeys = apiKeys;
        this.hmacKeys = hmacKeys;
        this.events = events;
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

    /**
     * Changes name, description and/or settings; a null argument leaves that field as it is. What changed goes to
     * the audit log ({@link ProjectRenamed}, {@link ProjectSettingsChanged}).
     */
    @Transactional
    public ProjectView update(ProjectGrant grant, String name, String description, Boolean requireSignedData) {
        Project project = load(grant.projectId());
        Instant now = clock.instant();
        if (name != null && !name.trim().equals(project.name())) {
            String before = project.name();
            project.rename(name.trim(), now);
            events.publishEvent(new ProjectRenamed(project.id(), grant.principal(), before, project.name()));
        }
        Map<String, ProjectSettingsChanged.Change> changes = new LinkedHashMap<>();
        if (description != null && !description.trim().equals(project.description())) {
            changes.put("description", new ProjectSettingsChanged.Change(project.description(), description.trim()));
            project.describe(description.trim(), now);
        }
        if (requireSignedData != null && requireSignedData != project.requireSignedData()) {
            changes.put(
                    "requireSignedData",
                    new ProjectSettingsChanged.Change(project.requireSignedData(), requireSignedData));
            project.changeRequireSignedData(requireSignedData, now);
        }
        if (!changes.isEmpty()) {
            events.publishEvent(new ProjectSettingsChanged(project.id(), grant.principal(), changes));
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
