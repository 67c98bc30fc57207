package dev.edgeforge.api.model;

import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.api.project.ProjectService;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The training page, the models list and a model's page. Their content comes from the REST API (model-*.js). */
@Controller
class ModelPageController {

    private final ProjectAccess access;
    private final ProjectService projects;
    private final ModelService models;

    ModelPageController(ProjectAccess access, ProjectService projects, ModelService models) {
        this.access = access;
        this.projects = projects;
        this.models = models;
    }

    @GetMapping("/projects/{projectId}/training")
    String training(@PathVariable UUID projectId, Model model) {
        ProjectGrant grant = shell(projectId, model, ModelConfiguration.TRAINING_NAV);
        model.addAttribute("canTrain", grant.atLeast(ProjectRole.MEMBER));
        return "model/training";
    }

    @GetMapping("/projects/{projectId}/models")
    String list(@PathVariable UUID projectId, Model model) {
        ProjectGrant grant = shell(projectId, model, ModelConfiguration.MODELS_NAV);
        model.addAttribute("models", models.list(projectId));
        model.addAttribute("canEdit", grant.atLeast(ProjectRole.MEMBER));
        return "model/list";
    }

    @GetMapping("/projects/{projectId}/models/{modelId}")
    String detail(@PathVariable UUID projectId, @PathVariable UUID modelId, Model model) {
        ProjectGrant grant = shell(projectId, model, ModelConfiguration.MODELS_NAV);
        model.addAttribute("model", models.get(projectId, modelId));
        model.addAttribute("canEdit", grant.atLeast(ProjectRole.MEMBER));
        return "model/detail";
    }

    private ProjectGrant shell(UUID projectId, Model model, String nav) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.VIEWER);
        model.addAttribute("project", projects.get(grant));
        model.addAttribute("activeNav", nav);
        return grant;
    }
}
