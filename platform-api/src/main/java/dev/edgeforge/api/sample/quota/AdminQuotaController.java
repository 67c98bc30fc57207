package dev.edgeforge.api.sample.quota;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.security.CurrentPrincipal;
import dev.edgeforge.api.security.UserPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Storage quotas of every project, for platform administrators. */
@RestController
@Tag(name = "Administration")
class AdminQuotaController {

    private static final String FIELD = "quotaBytes";

    private final StorageQuotaService quotas;
    private final CurrentPrincipal current;

    AdminQuotaController(StorageQuotaService quotas, CurrentPrincipal current) {
        this.quotas = quotas;
        this.current = current;
    }

    @GetMapping("/api/v1/admin/projects")
    @Operation(
            summary = "List storage per project",
            description = "Every project with its stored sample bytes and storage quota (administrators).")
    List<ProjectStorage> list() {
        current.requireAdmin();
        return quotas.all();
    }

    @PutMapping("/api/v1/admin/projects/{projectId}/quota")
    @Operation(
            summary = "Set a storage quota",
            description = "Set a project's storage quota: {\"quotaBytes\": 1073741824}, or {\"quotaBytes\": null} "
                    + "for none (administrators); uploads that would pass it are refused with 413.")
    StorageUsage set(@PathVariable UUID projectId, @RequestBody JsonNode body) {
        UserPrincipal admin = current.requireAdmin();
        return quotas.setQuota(projectId, quotaBytes(body), admin.id());
    }

    /** The field must be there: null says "no quota" on purpose, a missing or misspelt field says nothing. */
    private static Long quotaBytes(JsonNode body) {
        if (body == null || !body.isObject() || !body.has(FIELD)) {
            throw new ValidationViolation(FIELD, "is required: a number of bytes, or null for no quota");
        }
        for (String name : body.propertyNames()) {
            if (!Set.of(FIELD).contains(name)) {
                throw new ValidationViolation(name, "is not a field of a quota; send only quotaBytes");
            }
        }
        JsonNode value = body.get(FIELD);
        if (value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new ValidationViolation(FIELD, "must be a whole number of bytes, 0 or more, or null for no quota");
        }
        return value.longValue();
    }
}
