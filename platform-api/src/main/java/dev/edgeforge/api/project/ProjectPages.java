package dev.edgeforge.api.project;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * How every server-rendered project page starts: the access check, then what the layout needs to draw the project's
 * shell, {@code project} (a {@link ProjectView}) and {@code activeNav} (the sidebar item to highlight).
 */
@Component
public class ProjectPages {

    private final ProjectAccess access;
    private final ProjectService projects;

    ProjectPages(ProjectAccess access, ProjectService projects) {
        this.access = access;
        this.projects = projects;
    }

    /** Opens a page that every member may see. */
    public ProjectGrant open(UUID projectId, String activeNav, Model model) {
        return open(projectId, ProjectRole.VIEWER, activeNav, model);
    }

    /** Opens a page for callers holding at least {@code minimum}; throws as {@link ProjectAccess} does. */
    public ProjectGrant open(UUID projectId, ProjectRole minimum, String activeNav, Model model) {
        ProjectGrant grant = access.requireRole(projectId, minimum);
        model.addAttribute("project", projects.get(grant));
        model.addAttribute("activeNav", activeNav);
        return grant;
    }
}
