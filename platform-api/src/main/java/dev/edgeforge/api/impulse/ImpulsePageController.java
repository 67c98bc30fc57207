package dev.edgeforge.api.impulse;

import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.project.ProjectPages;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;

/**
 * The impulse design page. The page is a shell: its script ({@code js/impulse-design.js}) loads the impulse, the DSP
 * block catalogue, the versions, the feature status and the explorer from the REST API and saves through it.
 */
@Controller
class ImpulsePageController {

    private final ProjectPages pages;
    private final CostTargets targets;

    ImpulsePageController(ProjectPages pages, CostTargets targets) {
        this.pages = pages;
        this.targets = targets;
    }

    @GetMapping("/projects/{projectId}/impulse")
    String design(@PathVariable UUID projectId, Model model) {
        ProjectGrant grant = pages.open(projectId, ImpulseNavConfiguration.IMPULSE, model);
        model.addAttribute("canEdit", grant.atLeast(ProjectRole.MEMBER));
        model.addAttribute("targets", targets.all());
        model.addAttribute("defaultTarget", CostTargets.DEFAULT);
        model.addAttribute("learningKinds", LearningBlockSettings.kinds());
        model.addAttribute("inputDefaults", inputDefaults());
        model.addAttribute("defaultAxes", String.join(",", DefaultImpulse.AXES));
        return "impulse/design";
    }

    /** The default settings of each input block type, as JSON, for the editor's "change type". */
    private static String inputDefaults() {
        Map<String, JsonNode> defaults = new LinkedHashMap<>();
        defaults.put(TimeSeriesInput.TYPE, ImpulseJson.mapper().valueToTree(TimeSeriesInput.defaults()));
        defaults.put(AudioInput.TYPE, ImpulseJson.mapper().valueToTree(AudioInput.defaults()));
        defaults.put(ImageInput.TYPE, ImpulseJson.mapper().valueToTree(ImageInput.defaults()));
        return ImpulseJson.mapper().writeValueAsString(defaults);
    }
}
