package dev.edgeforge.api.audit;

import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.api.project.ProjectService;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The project's "Audit log" page, for admins and owners: the newest entries, and older ones page by page. */
@Controller
class AuditPageController {

    static final int PAGE_SIZE = 50;

    private final AuditLog log;
    private final ProjectService projects;
    private final ProjectAccess access;

    AuditPageController(AuditLog log, ProjectService projects, ProjectAccess access) {
        this.log = log;
        this.projects = projects;
        this.access = access;
    }

    @GetMapping("/projects/{projectId}/audit")
    String page(@PathVariable UUID projectId, @RequestParam(required = false) Long before, Model model) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.ADMIN);
        model.addAttribute("project", projects.get(grant));
        model.addAttribute("activeNav", AuditNavConfiguration.AUDIT);
        model.addAttribute("page", log.page(projectId, before != null && before > 0 ? before : null, PAGE_SIZE));
        model.addAttribute("older", before != null);
        return "audit/log";
    }
}
