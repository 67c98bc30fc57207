package dev.edgeforge.api.audit;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A project's audit log, for its admins and owners. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/audit")
@Tag(name = "Projects")
class AuditController {

    private final AuditLog log;
    private final ProjectAccess access;

    AuditController(AuditLog log, ProjectAccess access) {
        this.log = log;
        this.access = access;
    }

    @GetMapping
    @Operation(
            summary = "Read the audit log",
            description = "The project's audit log, newest first: pass the answer's 'next' as 'before' for older "
                    + "entries (admin).")
    AuditPage page(
            @PathVariable UUID projectId,
            @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "50") int limit) {
        access.requireRole(projectId, ProjectRole.ADMIN);
        if (limit < 1 || limit > AuditLog.MAX_PAGE) {
            throw new ValidationViolation("limit", "must be between 1 and " + AuditLog.MAX_PAGE);
        }
        if (before != null && before < 1) {
            throw new ValidationViolation("before", "must be the 'next' value of a previous page");
        }
        return log.page(projectId, before, limit);
    }
}
