package dev.edgeforge.api.audit;

import dev.edgeforge.api.project.ProjectPages;
import dev.edgeforge.api.project.ProjectRole;
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
    private final ProjectPages pages;

    AuditPageController(AuditLog log, ProjectPages pages) {
        this.log = log;
        this.pages = pages;
    }

    @GetMapping("/projects/{projectId}/audit")
    String page(@PathVariable UUID projectId, @RequestParam(required = false) Long before, Model model) {
        pages.open(projectId, ProjectRole.ADMIN, AuditNavConfiguration.AUDIT, model);
        model.addAttribute("page", log.page(projectId, before != null && before > 0 ? before : null, PAGE_SIZE));
        model.addAttribute("older", before != null);
        return "audit/log";
    }
}
