package dev.edgeforge.api.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Members of a project and their roles. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/members")
@Tag(name = "Projects")
class MemberController {

    private final MemberService members;
    private final ProjectAccess access;

    MemberController(MemberService members, ProjectAccess access) {
        this.members = members;
        this.access = access;
    }

    record AddMemberRequest(
            @NotBlank @Email String email, @NotNull ProjectRole role) {

        AddMemberRequest {
            email = email == null ? null : email.strip();
        }
    }

    record ChangeRoleRequest(@NotNull ProjectRole role) {}

    @GetMapping
    @Operation(summary = "List members", description = "The project's members with their roles (viewer).")
    List<MemberView> list(@PathVariable UUID projectId) {
        return members.list(access.requireRole(projectId, ProjectRole.VIEWER));
    }

    @PostMapping
    @Operation(summary = "Add a member", description = "Add a registered user by email (admin; owner to add an owner).")
    ResponseEntity<MemberView> add(@PathVariable UUID projectId, @Valid @RequestBody AddMemberRequest request) {
        MemberView member =
                members.add(access.requireRole(projectId, ProjectRole.ADMIN), request.email(), request.role());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/members/" + member.userId()))
                .body(member);
    }

    @PatchMapping("/{userId}")
    @Operation(
            summary = "Change a member's role",
            description = "Change a member's role (admin; owner for the owner role).")
    MemberView changeRole(
            @PathVariable UUID projectId, @PathVariable UUID userId, @Valid @RequestBody ChangeRoleRequest request) {
        return members.changeRole(access.requireRole(projectId, ProjectRole.ADMIN), userId, request.role());
    }

    @DeleteMapping("/{userId}")
    @Operation(
            summary = "Remove a member",
            description = "Remove a member (admin; owner for owners; anyone may remove themselves).")
    ResponseEntity<Void> remove(@PathVariable UUID projectId, @PathVariable UUID userId) {
        members.remove(access.requireRole(projectId, ProjectRole.VIEWER), userId);
        return ResponseEntity.noContent().build();
    }
}
