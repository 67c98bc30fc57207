package dev.edgeforge.api.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** HMAC keys for signed device data. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/hmac-keys")
@Tag(name = "Projects")
class HmacKeyController {

    private final HmacKeyService keys;
    private final ProjectAccess access;

    HmacKeyController(HmacKeyService keys, ProjectAccess access) {
        this.keys = keys;
        this.access = access;
    }

    /**
     * @param secret the key's secret as the devices know it (e.g. an Edge Impulse project's HMAC key), 16 to 128
     *               printable ASCII characters; left out, one is generated
     */
    record CreateHmacKeyRequest(@NotBlank @Size(max = 200) String name, String secret) {}

    @GetMapping
    @Operation(
            summary = "List HMAC keys",
            description = "List HMAC keys; secrets are included for admins and owners only (viewer).")
    List<HmacKeyView> list(@PathVariable UUID projectId) {
        return keys.list(access.requireRole(projectId, ProjectRole.VIEWER));
    }

    @PostMapping
    @Operation(
            summary = "Create an HMAC key",
            description = "Create an HMAC key (admin): with the given secret (bring the key of an Edge Impulse "
                    + "project or a fleet) or a generated one; 409 when the project has this secret already.")
    ResponseEntity<HmacKeyView> create(@PathVariable UUID projectId, @Valid @RequestBody CreateHmacKeyRequest request) {
        HmacKeyView key = keys.create(
                access.requireRole(projectId, ProjectRole.ADMIN),
                request.name(),
                Optional.ofNullable(request.secret()));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/hmac-keys/" + key.id()))
                .body(key);
    }

    @DeleteMapping("/{keyId}")
    @Operation(summary = "Delete an HMAC key", description = "Delete an HMAC key (admin).")
    ResponseEntity<Void> delete(@PathVariable UUID projectId, @PathVariable UUID keyId) {
        keys.delete(access.requireRole(projectId, ProjectRole.ADMIN), keyId);
        return ResponseEntity.noContent().build();
    }
}
