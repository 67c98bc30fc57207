package dev.edgeforge.api.compression;

import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.project.ProjectPages;
import dev.edgeforge.api.project.ProjectRole;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The Compression page (the project's models) and a model's compression page; content comes from the REST API. */
@Controller
class CompressionPageController {

    private final ProjectPages pages;
    private final CompressionService compressions;

    CompressionPageController(ProjectPages pages, CompressionService compressions) {
        this.pages = pages;
        this.compressions = compressions;
    }

    @GetMapping("/projects/{projectId}/compression")
    String models(@PathVariable UUID projectId, Model model) {
        pages.open(projectId, CompressionConfiguration.NAV_KEY, model);
        model.addAttribute("models", compressions.overview(projectId));
        return "compression/models";
    }

    @GetMapping("/projects/{projectId}/models/{modelId}/compression")
    String compression(@PathVariable UUID projectId, @PathVariable UUID modelId, Model model) {
        ProjectGrant grant = pages.open(projectId, CompressionConfiguration.NAV_KEY, model);
        CompressionView view = compressions.view(projectId, modelId);
        model.addAttribute("compression", view);
        model.addAttribute("canCompress", grant.atLeast(ProjectRole.MEMBER));
        return "compression/compression";
    }
}
