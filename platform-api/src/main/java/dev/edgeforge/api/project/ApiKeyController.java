package dev.edgeforge.api.project;

import dev.edgeforge.api.security.ApiKeyScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Project API keys, sent by devices and scripts as {@code x-api-key}. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/api-keys")
@Tag(name = "Projects")
class ApiKeyController {

    private final ApiKeyService keys;
    private final ProjectAccess access;

    ApiKeyController(ApiKeyService keys, ProjectAccess access) {
        this.keys = keys;
        this.access = access;
    }

    record CreateApiKeyRequest(
            @NotBlank @Size(max = 200) String name,
            @NotEmpty Set<ApiKeyScope> scopes) {}

    @GetMapping
    @Operation(summary = "List API keys", description = "List API keys without their secrets (viewer).")
    List<ApiKeyView> list(@PathVariable UUID projectId) {
        return keys.list(access.requireRole(projectId, ProjectRole.VIEWER));
    }

    @PostMapping
    @Operation(
            summary = "Create an API key",
            description =
                    "Create an API key with scopes ingest, read and/or admin; the key is shown only here " + "(admin).")
    ResponseEntity<CreatedApiKey> create(
            @PathVariable UUID projectId, @Valid @RequestBody CreateApiKeyRequest request) {
        CreatedApiKey key =
                keys.create(access.requireRole(projectId, ProjectRole.ADMIN), request.name(), request.scopes());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/api-keys/" + key.id()))
                .body(key);
    }

    @DeleteMapping("/{keyId}")
    @Operation(
            summary = "Revoke an API key",
            description = "Revoke an API key (admin); devices and scripts using it are refused from then on.")
    ResponseEntity<Void> revoke(@PathVariable UUID projectId, @PathVariable UUID keyId) {
        keys.revoke(access.requireRole(projectId, ProjectRole.ADMIN), keyId);
        return ResponseEntity.noContent().build();
    }
}
