package dev.edgeforge.api.compression;

import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.api.project.ProjectService;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The Compression page (the project's models) and a model's compression page; content comes from the REST API. */
@Controller
class CompressionPageController {

    private final ProjectAccess access;
    private final ProjectService projects;
    private final CompressionService compressions;

    CompressionPageController(ProjectAccess access, ProjectService projects, CompressionService compressions) {
        this.access = access;
        this.projects = projects;
        this.compressions = compressions;
    }

    @GetMapping("/projects/{projectId}/compression")
    String models(@PathVariable UUID projectId, Model model) {
        shell(projectId, model);
        model.addAttribute("models", compressions.overview(projectId));
        return "compression/models";
    }

    @GetMapping("/projects/{projectId}/models/{modelId}/compression")
    String compression(@PathVariable UUID projectId, @PathVariable UUID modelId, Model model) {
        ProjectGrant grant = shell(projectId, model);
        CompressionView view = compressions.view(projectId, modelId);
        model.addAttribute("compression", view);
        model.addAttribute("canCompress", grant.atLeast(ProjectRole.MEMBER));
        return "compression/compression";
    }

    private ProjectGrant shell(UUID projectId, Model model) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.VIEWER);
        model.addAttribute("project", projects.get(grant));
        model.addAttribute("activeNav", CompressionConfiguration.NAV_KEY);
        return grant;
    }
}
