package dev.edgeforge.api.model;

import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.project.ProjectPages;
import dev.edgeforge.api.project.ProjectRole;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The training page, the models list and a model's page. Their content comes from the REST API (model-*.js). */
@Controller
class ModelPageController {

    private final ProjectPages pages;
    private final ModelService models;

    ModelPageController(ProjectPages pages, ModelService models) {
        this.pages = pages;
        this.models = models;
    }

    @GetMapping("/projects/{projectId}/training")
    String training(@PathVariable UUID projectId, Model model) {
        ProjectGrant grant = pages.open(projectId, ModelConfiguration.TRAINING_NAV, model);
        model.addAttribute("canTrain", grant.atLeast(ProjectRole.MEMBER));
        return "model/training";
    }

    @GetMapping("/projects/{projectId}/models")
    String list(@PathVariable UUID projectId, Model model) {
        ProjectGrant grant = pages.open(projectId, ModelConfiguration.MODELS_NAV, model);
        model.addAttribute("models", models.list(projectId));
        model.addAttribute("canEdit", grant.atLeast(ProjectRole.MEMBER));
        return "model/list";
    }

    @GetMapping("/projects/{projectId}/models/{modelId}")
    String detail(@PathVariable UUID projectId, @PathVariable UUID modelId, Model model) {
        ProjectGrant grant = pages.open(projectId, ModelConfiguration.MODELS_NAV, model);
        model.addAttribute("model", models.get(projectId, modelId));
        model.addAttribute("canEdit", grant.atLeast(ProjectRole.MEMBER));
        return "model/detail";
    }
}
