package dev.edgeforge.api.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Invites to a project, for its admins. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/invites")
@Tag(name = "Projects")
class InviteController {

    private final InviteService invites;
    private final ProjectAccess access;

    InviteController(InviteService invites, ProjectAccess access) {
        this.invites = invites;
        this.access = access;
    }

    record CreateInviteRequest(
            @NotBlank @Email @Size(max = 320) String email,
            @NotNull ProjectRole role) {

        CreateInviteRequest {
            email = email == null ? null : email.strip();
        }
    }

    /** @param link the one-time link to pass on; shown only in this response */
    record CreatedInviteResponse(
            UUID id, String email, ProjectRole role, Instant createdAt, Instant expiresAt, String link) {}

    @GetMapping
    @Operation(
            summary = "List open invites",
            description = "List the invites nobody accepted yet, without their links (admin).")
    List<InviteView> list(@PathVariable UUID projectId) {
        return invites.list(access.requireRole(projectId, ProjectRole.ADMIN));
    }

    @PostMapping
    @Operation(
            summary = "Invite someone",
            description = "Invite an email with a role; answers a one-time link, shown only here, that creates the "
                    + "account (even with registration closed) or adds the existing one (admin; owner to invite an "
                    + "owner).")
    ResponseEntity<CreatedInviteResponse> create(
            @PathVariable UUID projectId, @Valid @RequestBody CreateInviteRequest request) {
        CreatedInvite invite =
                invites.create(access.requireRole(projectId, ProjectRole.ADMIN), request.email(), request.role());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/invites/" + invite.id()))
                .body(new CreatedInviteResponse(
                        invite.id(),
                        invite.email(),
                        invite.role(),
                        invite.createdAt(),
                        invite.expiresAt(),
                        InviteLinks.of(invite.token())));
    }

    @DeleteMapping("/{inviteId}")
    @Operation(summary = "Revoke an invite", description = "Revoke an invite: its link stops working (admin).")
    ResponseEntity<Void> revoke(@PathVariable UUID projectId, @PathVariable UUID inviteId) {
        invites.revoke(access.requireRole(projectId, ProjectRole.ADMIN), inviteId);
        return ResponseEntity.noContent().build();
    }
}
