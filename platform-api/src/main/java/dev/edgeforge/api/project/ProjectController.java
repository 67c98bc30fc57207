package dev.edgeforge.api.project;

import dev.edgeforge.api.security.CurrentPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

/** Project CRUD. */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Projects")
class ProjectController {

    private final ProjectService projects;
    private final ProjectAccess access;
    private final CurrentPrincipal current;

    ProjectController(ProjectService projects, ProjectAccess access, CurrentPrincipal current) {
        this.projects = projects;
        this.access = access;
        this.current = current;
    }

    record CreateProjectRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description) {}

    /**
     * Every field optional; a present name must not be blank.
     *
     * @param requireSignedData refuse data sent with an API key unless it carries a valid HMAC signature (401)
     */
    record UpdateProjectRequest(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String name,

            @Size(max = 2000) String description,
            Boolean requireSignedData) {}

    @GetMapping
    @Operation(summary = "List projects", description = "The projects you are a member of, with your role in each.")
    List<ProjectView> list() {
        return projects.listVisibleTo(current.require());
    }

    @PostMapping
    @Operation(summary = "Create a project", description = "Create a project; you become its owner.")
    ResponseEntity<ProjectView> create(@Valid @RequestBody CreateProjectRequest request) {
        ProjectView project = projects.create(current.requireUser(), request.name(), request.description());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.id()))
                .body(project);
    }

    @GetMapping("/{projectId}")
    @Operation(summary = "Get a project", description = "Get a project (viewer or read scope).")
    ProjectView get(@PathVariable UUID projectId) {
        return projects.get(access.requireRole(projectId, ProjectRole.VIEWER));
    }

    @PatchMapping("/{projectId}")
    @Operation(
            summary = "Change a project",
            description = "Rename a project, describe it or change its settings such as requireSignedData (admin).")
    ProjectView update(@PathVariable UUID projectId, @Valid @RequestBody UpdateProjectRequest request) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.ADMIN);
        return projects.update(grant, request.name(), request.description(), request.requireSignedData());
    }

    @DeleteMapping("/{projectId}")
    @Operation(summary = "Delete a project", description = "Delete a project with all its data (owner).")
    ResponseEntity<Void> delete(@PathVariable UUID projectId) {
        projects.delete(access.requireRole(projectId, ProjectRole.OWNER));
        return ResponseEntity.noContent().build();
    }
}
