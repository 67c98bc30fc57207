package dev.edgeforge.api.sample.quota;

import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.project.ProjectRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A project's storage usage against its quota, for its members (the data page shows it). */
@RestController
@Tag(name = "Samples")
class ProjectStorageController {

    private final ProjectAccess access;
    private final StorageQuotaService quotas;

    ProjectStorageController(ProjectAccess access, StorageQuotaService quotas) {
        this.access = access;
        this.quotas = quotas;
    }

    @GetMapping("/api/v1/projects/{projectId}/storage")
    @Operation(
            summary = "Project storage",
            description = "Stored sample bytes (each distinct content once) and the storage quota (null: none).")
    StorageUsage get(@PathVariable UUID projectId) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.VIEWER);
        return quotas.usage(grant.projectId());
    }
}
